package com.example.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

public class TokenService {
    private static final SecureRandom RNG = new SecureRandom();

    public String createResetToken() {
        byte[] bytes = new byte[32];
        RNG.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public long sampleSeeded() {
        Random fixed = new Random(42L);
        return fixed.nextLong();
    }
}
