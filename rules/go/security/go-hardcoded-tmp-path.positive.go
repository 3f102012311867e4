package export

import (
	"os"
	"path/filepath"
)

func WriteReport(data []byte) error {
	// expect: go-hardcoded-tmp-path
	return os.WriteFile("/tmp/report.csv", data, 0644)
}

func OpenCache(name string) (*os.File, error) {
	// expect: go-hardcoded-tmp-path
	return os.Create(filepath.Join("/tmp", name+".cache"))
}
