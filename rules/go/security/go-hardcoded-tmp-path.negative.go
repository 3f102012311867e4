package export

import (
	"os"
	"path/filepath"
)

func WriteReport(data []byte) (string, error) {
	f, err := os.CreateTemp("", "report-*.csv")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.Write(data)
	return f.Name(), err
}

func OpenCache(dir, name string) (*os.File, error) {
	return os.Create(filepath.Join(dir, name+".cache"))
}

func ReadFixture() ([]byte, error) {
	return os.ReadFile("/tmp/fixture.json")
}
