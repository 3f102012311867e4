package com.example.auth;

import java.util.Random;
import org.apache.commons.lang3.RandomStringUtils;

public class TokenService {
    public String createResetToken() {
        // expect: java-insecure-random-secret
        Random random = new Random();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append(Integer.toHexString(random.nextInt(16)));
        }
        return sb.toString();
    }

    public void issue(Account account) {
        // expect: java-insecure-random-secret
        account.setApiKey(RandomStringUtils.randomAlphanumeric(40));
        // expect: java-insecure-random-secret
        long sessionId = (long) (Math.random() * Long.MAX_VALUE);
        account.attach(sessionId);
    }

    public interface Account {
        void setApiKey(String key);

        void attach(long session);
    }
}
