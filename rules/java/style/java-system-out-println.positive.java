package com.example.billing;

import java.util.List;

public class InvoiceService {
    public long total(List<Long> amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum += amount;
        }
        // expect: java-system-out-println
        System.out.println("total = " + sum);
        if (sum < 0) {
            // expect: java-system-out-println
            System.err.printf("negative total %d%n", sum);
        }
        return sum;
    }
}
