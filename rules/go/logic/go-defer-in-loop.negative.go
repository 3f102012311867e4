package importer

import (
	"bufio"
	"os"
)

func CountLines(paths []string) (int, error) {
	total := 0
	for _, path := range paths {
		n, err := countFile(path)
		if err != nil {
			return 0, err
		}
		total += n
	}
	for _, path := range paths {
		err := func() error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			return nil
		}()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

func countFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		n++
	}
	return n, nil
}
