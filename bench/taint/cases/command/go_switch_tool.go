// label: safe command
package tools

import (
	"net/http"
	"os/exec"
)

func Run(w http.ResponseWriter, r *http.Request) {
	tool := "uptime"
	switch r.URL.Query().Get("tool") {
	case "disk":
		tool = "df"
	case "memory":
		tool = "free"
	}
	out, _ := exec.Command(tool).Output()
	w.Header().Set("Content-Type", "text/plain")
	w.Write(out)
}
