package client

import (
	"crypto/tls"
	"net/http"
)

func NewClient() *http.Client {
	transport := &http.Transport{
		// expect: go-tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: transport}
}

func Relax(cfg *tls.Config) {
	// expect: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
}
