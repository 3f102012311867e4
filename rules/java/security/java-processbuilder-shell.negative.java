package com.example.ops;

import java.io.IOException;

public class Backup {
    public Process archive(String dir) throws IOException {
        return new ProcessBuilder("tar", "czf", "/backups/out.tgz", dir).start();
    }

    public Process cleanup() throws IOException {
        return new ProcessBuilder("sh", "-c", "rm -rf /var/cache/app/*").start();
    }
}
