package com.example.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class ConfigLoader {
    public String load(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            // expect: java-print-stack-trace
            e.printStackTrace();
            return "";
        }
    }
}
