package accounts

import (
	"math/rand"
	"strconv"
)

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"

func NewResetToken() string {
	b := make([]byte, 24)
	for i := range b {
		// expect: go-math-rand-secret
		b[i] = alphabet[rand.Intn(len(alphabet))]
	}
	return string(b)
}

type Invite struct {
	Email      string
	InviteCode string
}

func NewInvite(email string) Invite {
	return Invite{
		Email: email,
		// expect: go-math-rand-secret
		InviteCode: strconv.FormatInt(rand.Int63(), 36),
	}
}
