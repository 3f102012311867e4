// label: vulnerable path
package files

import (
	"net/http"

	"github.com/gorilla/mux"
)

func Serve(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	http.ServeFile(w, r, "/srv/assets/"+vars["path"])
}
