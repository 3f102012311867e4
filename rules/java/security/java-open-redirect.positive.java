package com.example.web;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginController {
    public void afterLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // expect: java-open-redirect, java-taint-redirect
        response.sendRedirect(request.getParameter("returnUrl"));
    }

    public void moved(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        // expect: java-open-redirect, java-taint-redirect
        response.setHeader("Location", request.getParameter("to"));
    }
}
