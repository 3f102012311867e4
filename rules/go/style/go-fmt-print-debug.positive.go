package billing

import "fmt"

func Total(lines []int) int {
	sum := 0
	for _, amount := range lines {
		sum += amount
	}
	// expect: go-fmt-print-debug
	fmt.Println("total", sum)
	// expect: go-fmt-print-debug
	fmt.Printf("lines=%d\n", len(lines))
	return sum
}
