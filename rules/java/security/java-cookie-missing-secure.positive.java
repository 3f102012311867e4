package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class PreferenceWriter {
    public void remember(HttpServletResponse response, String sessionKey) {
        // expect: java-cookie-missing-secure
        Cookie cookie = new Cookie("session-key", sessionKey);
        cookie.setHttpOnly(true);
        cookie.setMaxAge(3600);
        response.addCookie(cookie);
    }
}
