package com.example.archive;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

public class Unzipper {
    public void extract(InputStream in, File destination) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                // expect: java-archive-path-traversal
                File target = new File(destination, entry.getName());
                try (FileOutputStream out = new FileOutputStream(target)) {
                    zip.transferTo(out);
                }
            }
        }
    }
}
