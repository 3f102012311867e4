package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;

public class DownloadController {
    private static final String BASE = "/srv/app/uploads/";

    public FileInputStream open(HttpServletRequest request) throws IOException {
        // expect: java-path-traversal-request, java-taint-path
        File file = new File(BASE, request.getParameter("file"));
        // expect: java-taint-path
        return new FileInputStream(file);
    }

    public byte[] read(HttpServletRequest request) throws IOException {
        // expect: java-path-traversal-request, java-taint-path
        return Files.readAllBytes(Paths.get(BASE + request.getParameter("name")));
    }
}
