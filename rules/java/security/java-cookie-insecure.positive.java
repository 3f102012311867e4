package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

public class CookieWriter {
    public void remember(HttpServletResponse response, String value) {
        Cookie cookie = new Cookie("remember", value);
        // expect: java-cookie-insecure
        cookie.setSecure(false);
        // expect: java-cookie-insecure
        cookie.setHttpOnly(false);
        response.addCookie(cookie);
    }

    public String springCookie(String value) {
        // expect: java-cookie-insecure
        return ResponseCookie.from("session", value).secure(false).path("/").build().toString();
    }
}
