package reports

import (
	"database/sql"
	"fmt"
)

func Revenue(db *sql.DB, region, sortBy string) (*sql.Rows, error) {
	// expect: go-sql-built-string
	query := fmt.Sprintf("SELECT region, SUM(total) FROM orders WHERE region = '%s' GROUP BY region", region)
	if sortBy != "" {
		// expect: go-sql-built-string
		query += " ORDER BY " + sortBy
	}
	return db.Query(query)
}

func Remove(db *sql.DB, id string) error {
	var stmt string
	// expect: go-sql-built-string
	stmt = "DELETE FROM reports WHERE id = '" + id + "'"
	_, err := db.Exec(stmt)
	return err
}
