package importer

import (
	"bufio"
	"os"
)

func CountLines(paths []string) (int, error) {
	total := 0
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		// expect: go-defer-in-loop
		defer f.Close()
		scanner := bufio.NewScanner(f)
		for scanner.Scan() {
			total++
		}
	}
	return total, nil
}
