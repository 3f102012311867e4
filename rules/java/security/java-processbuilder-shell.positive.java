package com.example.ops;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

public class Backup {
    public Process archive(String dir) throws IOException {
        // expect: java-processbuilder-shell
        return new ProcessBuilder("sh", "-c", "tar czf /backups/out.tgz " + dir).start();
    }

    public Process windows(String file) throws IOException {
        // expect: java-processbuilder-shell
        List<String> cmd = Arrays.asList("cmd.exe", "/c", "type " + file);
        return new ProcessBuilder(cmd).start();
    }

    public Process runScript(String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // expect: java-processbuilder-shell
        pb.command("/bin/bash", "-c", script);
        return pb.start();
    }
}
