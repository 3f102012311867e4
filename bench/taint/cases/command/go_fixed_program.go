// label: safe command
package tools

import (
	"net/http"
	"os/exec"
)

func Archive(w http.ResponseWriter, r *http.Request) {
	cmd := exec.Command("tar", "czf", "/tmp/backup.tgz", r.FormValue("dir"))
	if err := cmd.Run(); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}
