// label: vulnerable path
package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func Get(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join("/srv/public", r.URL.Query().Get("name")))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}
