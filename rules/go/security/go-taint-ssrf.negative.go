package handlers

import (
	"io"
	"net/http"
	"net/url"
)

func User(w http.ResponseWriter, r *http.Request) {
	id := url.PathEscape(r.URL.Query().Get("id"))
	resp, err := http.Get("https://api.example.com/users/" + id)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
