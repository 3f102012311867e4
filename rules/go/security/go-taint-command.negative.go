package handlers

import (
	"net/http"
	"os/exec"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("ping", "-c", "1", r.FormValue("host")).Output()
	w.Header().Set("Content-Type", "text/plain")
	w.Write(out)
}
