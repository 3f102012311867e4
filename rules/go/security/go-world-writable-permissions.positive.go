package storage

import "os"

func Save(path string, data []byte) error {
	// expect: go-world-writable-permissions
	return os.WriteFile(path, data, 0666)
}

func Prepare(dir string) error {
	// expect: go-world-writable-permissions
	return os.MkdirAll(dir, 0o777)
}

func Append(path string) (*os.File, error) {
	// expect: go-world-writable-permissions
	return os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0662)
}
