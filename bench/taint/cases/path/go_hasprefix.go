// label: safe path
package files

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const root = "/srv/public/"

func Get(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(filepath.Join(root, r.URL.Query().Get("name")))
	if !strings.HasPrefix(p, root) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	f, err := os.Open(p)
	if err != nil {
		return
	}
	defer f.Close()
}
