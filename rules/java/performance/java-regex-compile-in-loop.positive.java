package com.example.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class IdExtractor {
    public List<String> ids(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            // expect: java-regex-compile-in-loop
            Pattern p = Pattern.compile("order-(\\d+)");
            if (p.matcher(line).find()) {
                // expect: java-regex-compile-in-loop
                out.add(line.replaceAll("\\s+", " "));
            }
        }
        return out;
    }
}
