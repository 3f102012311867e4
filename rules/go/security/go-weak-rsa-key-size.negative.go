package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
)

func NewSigningKey() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 3072)
}

func NewEdKey() (ed25519.PublicKey, ed25519.PrivateKey, error) {
	return ed25519.GenerateKey(rand.Reader)
}
