package database

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"gorm.io/gorm"
)

// Character set and collation of every table the service creates on MySQL/MariaDB (the
// CREATE TABLE statements of package migrations name them, so a table is utf8mb4 whatever
// the server's or the database's default: a server whose default is latin1 would
// otherwise create latin1 tables and refuse the first Chinese text with Error 1366, issue
// 14). utf8mb4 stores every Chinese character and emoji; MySQL's "utf8" (utf8mb3) and
// latin1 do not.
const (
	Charset   = "utf8mb4"
	Collation = "utf8mb4_unicode_ci"
)

// CheckCharset checks, on MySQL/MariaDB, that the database can store Chinese text and
// emoji. It returns an error naming the ALTER TABLE statements that fix it when a table
// of the database (or a text column of one) has another character set than utf8mb4: a
// table an earlier version created with a latin1 default, say. A database whose own
// default is not utf8mb4 is only warned about, with the ALTER DATABASE that changes
// it, since the service creates its tables utf8mb4 explicitly (package migrations). On
// SQLite it does nothing.
func CheckCharset(ctx context.Context, db *gorm.DB, log *slog.Logger) error {
	if Dialect(db) != MySQL {
		return nil
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	db = db.WithContext(ctx)
	var def struct{ Name, Charset, Collation string }
	if err := db.Raw("SELECT DATABASE() AS name, @@character_set_database AS charset, @@collation_database AS collation").
		Scan(&def).Error; err != nil {
		return fmt.Errorf("database: read the default character set: %w", err)
	}
	if def.Charset != Charset {
		log.Warn("database: the database's default character set is not utf8mb4; the service creates its tables as utf8mb4 anyway, "+
			"but other tools creating tables there would get "+def.Charset+": change the default with ALTER DATABASE "+
			quoteIdent(def.Name)+" CHARACTER SET "+Charset+" COLLATE "+Collation,
			"database", def.Name, "charset", def.Charset, "collation", def.Collation)
	}

	var bad []string
	err := db.Raw(`SELECT table_name AS name FROM information_schema.tables
		WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_collation NOT LIKE 'utf8mb4\_%'
		UNION
		SELECT table_name AS name FROM information_schema.columns
		WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL AND character_set_name <> 'utf8mb4'
		ORDER BY name`).Scan(&bad).Error
	if err != nil {
		return fmt.Errorf("database: read the tables' character sets: %w", err)
	}
	if len(bad) == 0 {
		return nil
	}
	fixes := make([]string, len(bad))
	for i, name := range bad {
		fixes[i] = "ALTER TABLE " + quoteIdent(name) + " CONVERT TO CHARACTER SET " + Charset + " COLLATE " + Collation + ";"
	}
	return fmt.Errorf("database: tables %s of database %s are not utf8mb4, so they cannot store Chinese text or emoji "+
		"(Error 1366 Incorrect string value); back the database up and convert them: %s",
		strings.Join(bad, ", "), def.Name, strings.Join(fixes, " "))
}

// quoteIdent quotes a MySQL identifier with backticks.
func quoteIdent(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}
