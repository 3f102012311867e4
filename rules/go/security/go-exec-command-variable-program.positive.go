package jobs

import (
	"net/http"
	"os/exec"
)

func RunTool(w http.ResponseWriter, r *http.Request) {
	tool := r.FormValue("tool")
	// expect: go-exec-command-variable-program, go-taint-command
	out, _ := exec.Command(tool, "--version").Output()
	w.Write(out)
}
