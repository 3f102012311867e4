package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

func NewClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12, InsecureSkipVerify: false},
	}
	return &http.Client{Transport: transport}, nil
}
