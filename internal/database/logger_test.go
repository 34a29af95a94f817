package database

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

func TestGormLoggerTrace(t *testing.T) {
	const sql = "INSERT INTO `customers` (`phone`) VALUES (?)"
	dupErr := errors.New("Error 1062 (23000): Duplicate entry '13800138000' for key 'phone'")
	tests := []struct {
		name    string
		level   logger.LogLevel
		elapsed time.Duration
		err     error
		want    []string // substrings of the log; none means nothing is logged
		not     []string
	}{
		{name: "fast success is silent", level: logger.Warn, elapsed: time.Millisecond},
		{name: "not found is silent", level: logger.Warn, elapsed: time.Millisecond, err: gorm.ErrRecordNotFound},
		{name: "silent level logs nothing", level: logger.Silent, elapsed: time.Second, err: dupErr},
		{
			name: "error is logged without the value", level: logger.Warn, elapsed: time.Millisecond, err: dupErr,
			want: []string{"level=ERROR", "sql failed", "Duplicate entry '…' for key '…'", "VALUES (?)"},
			not:  []string{"13800138000"},
		},
		{
			name: "slow query is a warning", level: logger.Warn, elapsed: 300 * time.Millisecond,
			want: []string{"level=WARN", "sql slow", "VALUES (?)"},
		},
		{
			name: "debug mode logs every statement", level: logger.Info, elapsed: time.Millisecond,
			want: []string{"level=INFO", "VALUES (?)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := newGormLogger(slog.New(slog.NewTextHandler(&buf, nil)), SlowQuery).LogMode(tt.level)
			l.Trace(context.Background(), time.Now().Add(-tt.elapsed), func() (string, int64) { return sql, 1 }, tt.err)
			got := buf.String()
			if len(tt.want) == 0 && got != "" {
				t.Fatalf("logged %q, want nothing", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("log %q is missing %q", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("log %q contains %q", got, n)
				}
			}
		})
	}
}

func TestRedactErrorKeepsIdentity(t *testing.T) {
	err := redactError(gorm.ErrDuplicatedKey)
	if !errors.Is(err, gorm.ErrDuplicatedKey) {
		t.Errorf("redactError lost the error identity: %v", err)
	}
	quotedErr := errors.New("Incorrect string value: '\\xF0\\x9F' for column `intake`.`t`.`c`")
	if got := redactError(quotedErr).Error(); got != "Incorrect string value: '…' for column `intake`.`t`.`c`" {
		t.Errorf("redactError = %q", got)
	}
}
