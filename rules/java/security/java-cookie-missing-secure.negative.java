package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class PreferenceWriter {
    public void remember(HttpServletResponse response, String sessionKey) {
        Cookie cookie = new Cookie("session-key", sessionKey);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void conditional(HttpServletResponse response, String value, boolean https) {
        if (value != null) {
            Cookie cookie = new Cookie("pref", value);
            cookie.setSecure(https);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
