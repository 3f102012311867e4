package com.example.crypto;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

public class LegacyCrypto {
    public byte[] encryptDes(SecretKey key, byte[] iv, byte[] data) throws Exception {
        // expect: java-weak-cipher
        Cipher cipher = Cipher.getInstance("DES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    public byte[] encryptDefault(SecretKey key, byte[] data) throws Exception {
        // expect: java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public SecretKey tripleDesKey() throws Exception {
        // expect: java-weak-cipher
        return KeyGenerator.getInstance("DESede").generateKey();
    }
}
