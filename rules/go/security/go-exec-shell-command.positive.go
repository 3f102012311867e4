package tools

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// expect: go-exec-shell-command, go-taint-command
	out, err := exec.Command("sh", "-c", "ping -c 1 "+host).CombinedOutput()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

func Archive(ctx context.Context, dir string) error {
	script := fmt.Sprintf("tar czf /backups/out.tgz %s", dir)
	// expect: go-exec-shell-command
	return exec.CommandContext(ctx, "/bin/bash", "-c", script).Run()
}
