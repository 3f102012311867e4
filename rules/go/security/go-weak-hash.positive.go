package auth

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
)

func HashPassword(password, salt string) string {
	// expect: go-weak-hash
	sum := md5.Sum([]byte(salt + password))
	return hex.EncodeToString(sum[:])
}

func Sign(key, payload []byte) []byte {
	// expect: go-weak-hash
	mac := hmac.New(sha1.New, key)
	mac.Write(payload)
	return mac.Sum(nil)
}
