package database

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/utils"
)

// SlowQuery is the duration above which a query is logged as slow.
const SlowQuery = 200 * time.Millisecond

// gormLogger sends gorm's errors and slow queries to slog and stays silent
// otherwise. Statements are logged with their placeholders, never with the
// parameter values, which may hold customer data.
type gormLogger struct {
	log   *slog.Logger
	slow  time.Duration
	level logger.LogLevel
}

var (
	_ logger.Interface  = (*gormLogger)(nil)
	_ gorm.ParamsFilter = (*gormLogger)(nil)
)

func newGormLogger(log *slog.Logger, slow time.Duration) *gormLogger {
	return &gormLogger{log: log, slow: slow, level: logger.Warn}
}

// LogMode returns a copy logging at level (gorm's db.Debug() asks for Info).
func (l *gormLogger) LogMode(level logger.LogLevel) logger.Interface {
	c := *l
	c.level = level
	return &c
}

// Info logs gorm's informational messages when the level allows them.
func (l *gormLogger) Info(ctx context.Context, msg string, args ...any) {
	l.message(ctx, logger.Info, slog.LevelInfo, msg, args)
}

// Warn logs gorm's warnings.
func (l *gormLogger) Warn(ctx context.Context, msg string, args ...any) {
	l.message(ctx, logger.Warn, slog.LevelWarn, msg, args)
}

// Error logs gorm's error messages.
func (l *gormLogger) Error(ctx context.Context, msg string, args ...any) {
	l.message(ctx, logger.Error, slog.LevelError, msg, args)
}

func (l *gormLogger) message(ctx context.Context, need logger.LogLevel, level slog.Level, msg string, args []any) {
	if l.level < need {
		return
	}
	l.log.Log(ctx, level, "gorm: "+fmt.Sprintf(msg, args...))
}

// ParamsFilter drops the parameter values before gorm renders the statement
// for Trace, so the logged SQL keeps its "?" placeholders.
func (l *gormLogger) ParamsFilter(_ context.Context, sql string, _ ...any) (string, []any) {
	return sql, nil
}

// Trace logs a finished statement if it failed or was slow. A missing record
// is an answer, not a failure, and is not logged.
func (l *gormLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	if l.level <= logger.Silent {
		return
	}
	elapsed := time.Since(begin)
	failed := err != nil && !errors.Is(err, gorm.ErrRecordNotFound)
	slow := l.slow > 0 && elapsed > l.slow
	if !failed && !slow && l.level < logger.Info {
		return
	}

	sql, rows := fc()
	attrs := []slog.Attr{
		slog.String("sql", sql),
		slog.Duration("elapsed", elapsed),
		slog.Int64("rows", rows),
		slog.String("caller", utils.FileWithLineNum()),
	}
	switch {
	case failed:
		attrs = append(attrs, slog.String("error", redactError(err).Error()))
		l.log.LogAttrs(ctx, slog.LevelError, "sql failed", attrs...)
	case slow:
		l.log.LogAttrs(ctx, slog.LevelWarn, "sql slow", attrs...)
	default:
		l.log.LogAttrs(ctx, slog.LevelInfo, "sql", attrs...)
	}
}

// quoted matches a single-quoted value in a driver error message, as in
// MySQL's "Duplicate entry '13800138000' for key 'phone'".
var quoted = regexp.MustCompile(`'(?:[^'\\]|\\.)*'`)

// redactError masks the quoted values of a driver error message, which can
// echo customer data; the error number and identifiers stay readable.
func redactError(err error) error {
	msg := err.Error()
	red := quoted.ReplaceAllString(msg, "'…'")
	if red == msg {
		return err
	}
	return redactedError{msg: red, err: err}
}

// redactedError carries a masked message and keeps the original for errors.Is.
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }
