package com.example.web;

import java.util.Random;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class RememberMe {
    public void remember(HttpServletResponse response) {
        // expect: java-insecure-random
        double value = Math.random();
        String key = Double.toString(value).substring(2);
        Cookie cookie = new Cookie("remember", key);
        cookie.setSecure(true);
        response.addCookie(cookie);
    }

    public int pick(int bound) {
        // expect: java-insecure-random
        return new Random().nextInt(bound);
    }
}
