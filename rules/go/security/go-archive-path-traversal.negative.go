package archive

import (
	"errors"
	"path/filepath"
)

type Entry struct {
	ID   string
	Name string
}

func Target(dest string, e Entry) (string, error) {
	if !filepath.IsLocal(e.Name) {
		return "", errors.New("entry escapes destination")
	}
	return filepath.Join(dest, e.ID), nil
}
