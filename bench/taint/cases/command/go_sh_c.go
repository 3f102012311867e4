// label: vulnerable command
package tools

import (
	"net/http"
	"os/exec"
)

func Archive(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	cmd := exec.Command("bash", "-c", "tar czf /tmp/"+name+".tgz /srv/data")
	if err := cmd.Run(); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}
