// label: safe sql
package api

import (
	"database/sql"
	"net/http"
)

func Orders(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.Query("SELECT id FROM orders WHERE status = $1", r.URL.Query().Get("status"))
		if err != nil {
			return
		}
		defer rows.Close()
	}
}
