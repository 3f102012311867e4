package com.example.web;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ProfileServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nickname = request.getParameter("nick");
        response.setContentType("text/html");
        // expect: java-servlet-writer-unencoded, java-taint-xss
        response.getWriter().println("<h2>Profile of " + nickname + "</h2>");
        // expect: java-servlet-writer-unencoded, java-taint-xss
        response.getWriter().write(nickname);
    }
}
