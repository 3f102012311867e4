package com.example.report;

import java.util.List;

public class CsvWriter {
    public String toCsv(List<String> names) {
        String out = "";
        for (String name : names) {
            // expect: java-string-concat-in-loop
            out += name + ",";
        }
        int i = 0;
        while (i < names.size()) {
            // expect: java-string-concat-in-loop
            out = out + "\n";
            i++;
        }
        return out;
    }
}
