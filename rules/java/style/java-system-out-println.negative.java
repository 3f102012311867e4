package com.example.billing;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class InvoiceService {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceService.class);

    public long total(List<Long> amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum += amount;
        }
        LOG.debug("total = {}", sum);
        return sum;
    }

    public static void main(String[] args) {
        System.out.println(new InvoiceService().total(List.of(1L, 2L)));
    }
}
