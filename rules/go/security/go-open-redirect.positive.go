package web

import "net/http"

func Login(w http.ResponseWriter, r *http.Request) {
	// expect: go-open-redirect, go-taint-redirect
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func Back(w http.ResponseWriter, r *http.Request) {
	// expect: go-open-redirect, go-taint-redirect
	http.Redirect(w, r, r.Referer(), http.StatusSeeOther)
}
