package accounts

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/rand"
	"time"
)

func NewResetToken() (string, error) {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func Backoff(attempt int) time.Duration {
	jitter := time.Duration(rand.Intn(250)) * time.Millisecond
	return time.Duration(1<<attempt)*time.Second + jitter
}
