package files

import (
	"net/http"
	"os"
	"path/filepath"
)

const root = "/srv/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join(root, filepath.Base(r.URL.Query().Get("name")))
	http.ServeFile(w, r, name)
}

func Index(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(root, "index.html"))
	if err != nil {
		http.Error(w, r.URL.Path, http.StatusNotFound)
		return
	}
	w.Write(data)
}
