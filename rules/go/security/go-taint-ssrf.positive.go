package handlers

import (
	"io"
	"net/http"
)

func Proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// expect: go-taint-ssrf
	resp, err := http.Get(target)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
