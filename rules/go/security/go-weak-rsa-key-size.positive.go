package keys

import (
	"crypto/rand"
	"crypto/rsa"
)

func NewSigningKey() (*rsa.PrivateKey, error) {
	// expect: go-weak-rsa-key-size
	return rsa.GenerateKey(rand.Reader, 1024)
}
