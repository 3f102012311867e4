package billing

import (
	"fmt"
	"io"
	"log/slog"
)

func Total(w io.Writer, lines []int) (int, error) {
	sum := 0
	for _, amount := range lines {
		sum += amount
	}
	slog.Debug("computed total", "sum", sum)
	fmt.Fprintf(w, "total %d\n", sum)
	if sum < 0 {
		return 0, fmt.Errorf("negative total %s", fmt.Sprint(sum))
	}
	return sum, nil
}

func ExampleTotal() {
	fmt.Println("12")
}
