// label: vulnerable xss
package web

import (
	"fmt"
	"net/http"
)

func Greet(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<p>Hello, %s</p>", r.URL.Query().Get("name"))
}
