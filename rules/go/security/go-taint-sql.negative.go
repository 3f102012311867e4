package handlers

import (
	"database/sql"
	"net/http"
	"strconv"
)

type Store struct{ db *sql.DB }

func (s *Store) Search(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT id FROM users WHERE name = ?", r.URL.Query().Get("name"))
	if err != nil {
		return
	}
	defer rows.Close()
}

func (s *Store) Page(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("page"))
	if err != nil {
		return
	}
	// expect: go-sql-injection-query-call
	s.db.Exec("UPDATE stats SET page = " + strconv.Itoa(n))
}
