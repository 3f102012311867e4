package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;

public class DownloadController {
    private static final String BASE = "/srv/app/uploads/";

    public FileInputStream open(HttpServletRequest request) throws IOException {
        File file = new File(BASE, FilenameUtils.getName(request.getParameter("file")));
        return new FileInputStream(file);
    }

    public FileInputStream logo() throws IOException {
        return new FileInputStream(new File(BASE, "logo.png"));
    }
}
