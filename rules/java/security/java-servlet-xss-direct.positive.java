package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class GreetingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        // expect: java-servlet-xss-direct, java-taint-xss
        response.getWriter().println("<h1>Hello " + request.getParameter("name") + "</h1>");
        PrintWriter out = response.getWriter();
        // expect: java-servlet-xss-direct, java-taint-xss
        out.print(request.getHeader("Referer"));
    }
}
