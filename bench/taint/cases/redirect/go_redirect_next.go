// label: vulnerable redirect
package web

import "net/http"

func Done(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusSeeOther)
}
