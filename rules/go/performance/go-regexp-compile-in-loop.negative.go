package importer

import "regexp"

var orderID = regexp.MustCompile(`order-(\d+)`)

func OrderIDs(lines []string, prefixes []string) []string {
	var ids []string
	for _, line := range lines {
		if m := orderID.FindStringSubmatch(line); m != nil {
			ids = append(ids, m[1])
		}
	}
	for _, p := range prefixes {
		re := regexp.MustCompile("^" + regexp.QuoteMeta(p))
		ids = append(ids, re.String())
	}
	return ids
}
