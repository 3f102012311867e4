// label: safe sql
package api

import (
	"database/sql"
	"net/http"
)

var sortable = map[string]string{"name": "name", "date": "created_at"}

func List(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	column, ok := sortable[r.URL.Query().Get("sort")]
	if !ok {
		column = "name"
	}
	rows, _ := db.Query("SELECT * FROM people ORDER BY " + column)
	defer rows.Close()
}
