// label: safe redirect
package web

import (
	"net/http"
	"net/url"
)

func Done(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.Host != "" {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
