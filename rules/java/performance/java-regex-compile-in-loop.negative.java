package com.example.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class IdExtractor {
    private static final Pattern ORDER_ID = Pattern.compile("order-(\\d+)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public List<String> ids(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (ORDER_ID.matcher(line).find()) {
                out.add(SPACES.matcher(line).replaceAll(" ").replace("-", "_"));
            }
        }
        return out;
    }
}
