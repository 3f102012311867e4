package reports

import (
	"database/sql"
	"fmt"
)

func Revenue(db *sql.DB, region string, limit int) (*sql.Rows, error) {
	query := "SELECT region, SUM(total) FROM orders WHERE region = $1 GROUP BY region"
	query += fmt.Sprintf(" LIMIT %d", limit)
	return db.Query(query, region)
}

func Describe(count int, table string) string {
	msg := fmt.Sprintf("Selected %d items from %s", count, table)
	label := "Deleted " + fmt.Sprint(count) + " rows"
	return msg + label
}
