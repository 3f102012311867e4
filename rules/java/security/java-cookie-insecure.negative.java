package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class CookieWriter {
    public void remember(HttpServletResponse response, String value) {
        Cookie cookie = new Cookie("remember", value);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void configure(Mailer mailer) {
        mailer.secure(false);
    }

    public interface Mailer {
        void secure(boolean tls);
    }
}
