package web

import (
	"fmt"
	"io"
	"net/http"
)

func Hello(w http.ResponseWriter, r *http.Request) {
	// expect: go-reflected-xss, go-taint-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", r.URL.Query().Get("name"))
}

func Echo(w http.ResponseWriter, r *http.Request) {
	// expect: go-reflected-xss, go-taint-xss
	io.WriteString(w, "<p>"+r.FormValue("msg")+"</p>")
	// expect: go-reflected-xss, go-taint-xss
	w.Write([]byte(r.Header.Get("X-Comment")))
}
