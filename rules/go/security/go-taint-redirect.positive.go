package handlers

import "net/http"

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	// expect: go-taint-redirect
	http.Redirect(w, r, next, http.StatusFound)
}
