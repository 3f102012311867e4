// label: vulnerable sql
package api

import (
	"database/sql"
	"net/http"
)

type Server struct{ db *sql.DB }

func (s *Server) Delete(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	s.db.Exec("DELETE FROM notes WHERE id = " + id)
	w.WriteHeader(http.StatusNoContent)
}
