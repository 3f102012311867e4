// label: safe ssrf
package proxy

import (
	"io"
	"net/http"
)

func Search(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://search.example.com/api?q=" + r.URL.Query().Get("q"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
