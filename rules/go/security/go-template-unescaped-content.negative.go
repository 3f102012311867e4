package web

import (
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

var page = template.Must(template.New("p").Parse(`<h1>{{.Title}}</h1><div>{{.Body}}</div>`))

type Page struct {
	Title string
	Body  template.HTML
}

func Preview(w http.ResponseWriter, r *http.Request) {
	policy := bluemonday.UGCPolicy()
	data := Page{
		Title: r.FormValue("title"),
		Body:  template.HTML(policy.Sanitize(r.FormValue("body"))),
	}
	page.Execute(w, data)
}

const footer = template.HTML("<footer>&copy; Example</footer>")
