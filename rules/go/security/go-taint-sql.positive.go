package handlers

import (
	"database/sql"
	"fmt"
	"net/http"
)

type Store struct{ db *sql.DB }

func (s *Store) Search(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// expect: go-sql-built-string
	query := fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name)
	// expect: go-taint-sql
	rows, err := s.db.Query(query)
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}
