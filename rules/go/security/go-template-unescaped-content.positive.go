package web

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse(`<h1>{{.Title}}</h1><div>{{.Body}}</div>`))

type Page struct {
	Title string
	Body  template.HTML
}

func Preview(w http.ResponseWriter, r *http.Request) {
	data := Page{
		Title: r.FormValue("title"),
		// expect: go-template-unescaped-content, go-taint-xss
		Body: template.HTML(r.FormValue("body")),
	}
	page.Execute(w, data)
}
