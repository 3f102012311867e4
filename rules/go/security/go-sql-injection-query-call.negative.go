package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"gorm.io/gorm"
)

func FindByEmail(db *sql.DB, email string) (*sql.Rows, error) {
	return db.Query("SELECT id, email FROM users WHERE email = $1", email)
}

func Delete(ctx context.Context, db *sql.DB, id string) error {
	_, err := db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", id)
	return err
}

func Page(db *sql.DB, limit int) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf("SELECT id FROM events ORDER BY id LIMIT %d", limit))
}

func ByStatus(db *gorm.DB, status string) *gorm.DB {
	return db.Where("status = ?", status)
}

func Fetch(base, id string) (*http.Response, error) {
	return http.Get(base + "/items/" + id)
}
