package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type User struct {
	ID    int
	Email string
}

func FindByEmail(db *sql.DB, email string) (*sql.Rows, error) {
	// expect: go-sql-injection-query-call
	return db.Query(fmt.Sprintf("SELECT id, email FROM users WHERE email = '%s'", email))
}

func Delete(ctx context.Context, db *sql.DB, id string) error {
	// expect: go-sql-injection-query-call
	_, err := db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = "+id)
	return err
}

func Search(db *sqlx.DB, term string) ([]User, error) {
	var users []User
	// expect: go-sql-injection-query-call
	err := db.Select(&users, "SELECT id, email FROM users WHERE name LIKE '%"+term+"%'")
	return users, err
}

func ByStatus(db *gorm.DB, status string) *gorm.DB {
	// expect: go-sql-injection-query-call
	return db.Where(fmt.Sprintf("status = '%v'", status))
}
