package tools

import (
	"context"
	"net/http"
	"os/exec"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	out, err := exec.Command("ping", "-c", "1", host).CombinedOutput()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

func Cleanup(ctx context.Context) error {
	return exec.CommandContext(ctx, "sh", "-c", "rm -rf /tmp/build-cache/*").Run()
}
