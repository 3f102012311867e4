package web

import (
	"net/http"
	"net/url"
)

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound)
}

func Home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}
