package com.example.ops;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class Diagnostics {
    public Process ping(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // expect: java-runtime-exec-nonliteral, java-taint-command
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public Process lookup(String domain) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        String[] args = {"nslookup", domain};
        // expect: java-runtime-exec-nonliteral
        return runtime.exec(args);
    }

    public Process run(String command) throws IOException {
        Runtime r = Runtime.getRuntime();
        // expect: java-runtime-exec-nonliteral
        return r.exec(command);
    }
}
