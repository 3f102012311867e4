package com.example.web;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class ProfileServlet extends HttpServlet {
    private static final String FOOTER = "<footer>Example</footer>";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nickname = request.getParameter("nick");
        response.setContentType("text/html");
        response.getWriter().println("<h2>Profile of " + Encode.forHtml(nickname) + "</h2>");
        response.getWriter().println("<p>" + "static" + "</p>");
        response.getWriter().println(FOOTER);
    }
}
