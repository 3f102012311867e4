package com.example.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    public String load(Path path, PrintWriter report) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            LOG.error("cannot read config {}", path, e);
            e.printStackTrace(report);
            return "";
        }
    }
}
