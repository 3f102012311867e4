package vault

import (
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
)

func Encrypt(key, iv, plaintext []byte) ([]byte, error) {
	// expect: go-weak-cipher
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plaintext))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plaintext)
	return out, nil
}

func Obfuscate(key, data []byte) ([]byte, error) {
	// expect: go-weak-cipher
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out, nil
}
