package com.example.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;

public class PasswordHasher {
    public byte[] hash(String password, byte[] salt) throws NoSuchAlgorithmException {
        // expect: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(salt);
        return md.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    public String token(String user) {
        // expect: java-weak-hash
        return DigestUtils.sha1Hex(user + System.nanoTime());
    }

    public byte[] legacy(byte[] data) throws NoSuchAlgorithmException {
        // expect: java-weak-hash
        return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    }
}
