package com.example.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;

public class Checksums {
    public byte[] sha256(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    public String sha512Hex(String value) {
        return DigestUtils.sha512Hex(value);
    }
}
