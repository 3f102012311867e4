package files

import (
	"net/http"
	"os"
	"path/filepath"
)

const root = "/srv/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	// expect: go-path-traversal-request
	name := filepath.Join(root, r.URL.Query().Get("name"))
	// expect: go-taint-path
	http.ServeFile(w, r, name)
}

func Remove(w http.ResponseWriter, r *http.Request) {
	// expect: go-path-traversal-request, go-taint-path
	if err := os.Remove(root + "/" + r.FormValue("file")); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
	}
}
