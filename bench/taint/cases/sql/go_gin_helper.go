// label: vulnerable sql
package api

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

func filter(column, value string) string {
	return "SELECT * FROM items WHERE " + column + " = '" + value + "'"
}

func Items(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		rows, _ := db.Query(filter("owner", c.Query("owner")))
		defer rows.Close()
	}
}
