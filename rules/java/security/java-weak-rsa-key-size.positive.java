package com.example.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

public class KeyFactory {
    public KeyPair signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator keyPairGenerator = KeyPairGenerator.getInstance("RSA");
        // expect: java-weak-rsa-key-size
        keyPairGenerator.initialize(1024);
        return keyPairGenerator.generateKeyPair();
    }
}
