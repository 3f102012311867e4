package proxy

import (
	"io"
	"net/http"
	"net/url"
)

const api = "https://api.example.com/search?q="

func Search(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(api + url.QueryEscape(r.URL.Query().Get("q")))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
