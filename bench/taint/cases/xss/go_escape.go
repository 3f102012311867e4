// label: safe xss
package web

import (
	"fmt"
	"html"
	"net/http"
)

func Greet(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<p>Hello, %s</p>", html.EscapeString(r.URL.Query().Get("name")))
}
