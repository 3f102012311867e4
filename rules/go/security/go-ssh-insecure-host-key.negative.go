package deploy

import (
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func Connect(addr, user, password, knownHostsFile string) (*ssh.Client, error) {
	callback, err := knownhosts.New(knownHostsFile)
	if err != nil {
		return nil, err
	}
	cfg := &ssh.ClientConfig{
		User:            user,
		Auth:            []ssh.AuthMethod{ssh.Password(password)},
		HostKeyCallback: callback,
	}
	return ssh.Dial("tcp", addr, cfg)
}
