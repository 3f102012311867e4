// label: safe sql
package api

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
)

type Server struct{ db *sql.DB }

func (s *Server) Delete(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.FormValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	s.db.Exec(fmt.Sprintf("DELETE FROM notes WHERE id = %d", id))
}
