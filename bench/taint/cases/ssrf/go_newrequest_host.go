// label: vulnerable ssrf
package proxy

import "net/http"

func Probe(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	req, _ := http.NewRequest("GET", "http://"+host+"/status", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
