package handlers

import (
	"net/http"
	"net/url"
)

func Profile(w http.ResponseWriter, r *http.Request) {
	user := url.PathEscape(r.FormValue("user"))
	http.Redirect(w, r, "/profile/"+user, http.StatusFound)
}
