package handlers

import (
	"fmt"
	"net/http"
)

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// expect: go-taint-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
}
