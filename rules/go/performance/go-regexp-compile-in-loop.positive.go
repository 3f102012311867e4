package importer

import "regexp"

func OrderIDs(lines []string) []string {
	var ids []string
	for _, line := range lines {
		// expect: go-regexp-compile-in-loop
		re := regexp.MustCompile(`order-(\d+)`)
		if m := re.FindStringSubmatch(line); m != nil {
			ids = append(ids, m[1])
		}
		// expect: go-regexp-compile-in-loop
		if ok, _ := regexp.MatchString("^#", line); ok {
			continue
		}
	}
	return ids
}
