package proxy

import (
	"io"
	"net/http"
)

func Preview(w http.ResponseWriter, r *http.Request) {
	// expect: go-ssrf-request-url, go-taint-ssrf
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func Health(w http.ResponseWriter, r *http.Request) {
	// expect: go-ssrf-request-url, go-taint-ssrf
	req, _ := http.NewRequest("GET", "http://"+r.FormValue("host")+"/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
