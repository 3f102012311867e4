package handlers

import (
	"net/http"
	"os/exec"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	// expect: go-taint-command, go-exec-shell-command
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output()
	w.Header().Set("Content-Type", "text/plain")
	w.Write(out)
}
