package com.example.web;

import java.security.SecureRandom;
import java.util.Random;

public class RememberMe {
    private final SecureRandom secure = new SecureRandom();

    public long value() {
        return secure.nextLong();
    }

    public long reproducible() {
        return new Random(1234).nextLong();
    }
}
