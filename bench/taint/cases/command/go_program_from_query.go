// label: vulnerable command
package tools

import (
	"net/http"
	"os/exec"
)

func Run(w http.ResponseWriter, r *http.Request) {
	tool := r.URL.Query().Get("tool")
	out, _ := exec.Command(tool, "--version").Output()
	w.Header().Set("Content-Type", "text/plain")
	w.Write(out)
}
