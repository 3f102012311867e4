package storage

import (
	"os"
	"syscall"
)

func Share(path string) error {
	// expect: go-world-writable-permissions
	return os.Chmod(path, 0666)
}

func Prepare(dir string) error {
	// expect: go-world-writable-permissions
	syscall.Umask(0)
	// expect: go-world-writable-permissions
	return os.Chmod(dir, os.ModePerm)
}

func Open(f *os.File) error {
	// expect: go-world-writable-permissions
	return f.Chmod(0o777)
}
