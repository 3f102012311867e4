package com.example.report;

import java.util.List;

public class CsvWriter {
    public String toCsv(List<String> names) {
        StringBuilder out = new StringBuilder();
        int total = 0;
        for (String name : names) {
            out.append(name).append(',');
            total += name.length();
        }
        String header = "names";
        header += " (" + total + ")";
        return header + "\n" + out;
    }
}
