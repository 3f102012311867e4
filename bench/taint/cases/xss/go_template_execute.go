// label: safe xss
package web

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse("<div>{{.}}</div>"))

func Bio(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, r.FormValue("bio"))
}
