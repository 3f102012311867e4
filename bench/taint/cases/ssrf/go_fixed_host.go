// label: safe ssrf
package proxy

import (
	"io"
	"net/http"
	"net/url"
)

func User(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://api.example.com/users/" + url.PathEscape(r.FormValue("id")))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
