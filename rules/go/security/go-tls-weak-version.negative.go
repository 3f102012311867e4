package server

import "crypto/tls"

func Config(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
	}
}

func Strict(cfg *tls.Config) {
	cfg.MinVersion = tls.VersionTLS13
}
