package com.example.ops;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Diagnostics {
    private static final String UPTIME = "uptime";

    public Process uptime() throws IOException {
        return Runtime.getRuntime().exec(UPTIME);
    }

    public Process disk() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"df", "-h"});
    }

    public Process ping(String host) throws IOException {
        return new ProcessBuilder("ping", "-c", "1", host).start();
    }

    public boolean matches(Pattern pattern, String input) {
        Matcher m = pattern.matcher(input);
        return m.matches();
    }
}
