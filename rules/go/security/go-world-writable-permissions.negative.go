package storage

import "os"

func Save(path string, data []byte) error {
	return os.WriteFile(path, data, 0600)
}

func Prepare(dir string) error {
	return os.MkdirAll(dir, 0o750)
}

func Publish(path string) error {
	return os.Chmod(path, 0644)
}
