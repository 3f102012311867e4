package server

import "crypto/tls"

func LegacyConfig(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		// expect: go-tls-weak-version
		MinVersion: tls.VersionTLS10,
	}
}

func Downgrade(cfg *tls.Config) {
	// expect: go-tls-weak-version
	cfg.MaxVersion = tls.VersionTLS11
}
