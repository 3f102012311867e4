// label: vulnerable sql
package api

import (
	"database/sql"
	"fmt"
	"net/http"
)

func Orders(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		status := r.URL.Query().Get("status")
		rows, err := db.Query(fmt.Sprintf("SELECT id FROM orders WHERE status = '%s'", status))
		if err != nil {
			return
		}
		defer rows.Close()
	}
}
