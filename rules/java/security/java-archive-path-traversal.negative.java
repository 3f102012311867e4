package com.example.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

public class Unzipper {
    public void extract(InputStream in, Path destination) throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry zipEntry;
            while ((zipEntry = zip.getNextEntry()) != null) {
                Path target = root.resolve(zipEntry.getName().replace('\\', '/')).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside destination");
                }
                Files.copy(zip, target);
            }
        }
    }
}
