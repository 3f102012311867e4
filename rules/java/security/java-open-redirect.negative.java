package com.example.web;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginController {
    private static final Set<String> ALLOWED = Set.of("/home", "/account");

    public void afterLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getParameter("returnUrl");
        response.sendRedirect(ALLOWED.contains(target) ? target : "/home");
    }

    public void logout(HttpServletResponse response) throws IOException {
        response.sendRedirect("/login?bye");
    }
}
