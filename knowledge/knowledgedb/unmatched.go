package knowledgedb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/knowledge"
)

// maxUnmatchedText bounds a stored message (in runes, after redaction).
const maxUnmatchedText = 300

// unmatchedRow is a row of kb_unmatched: one distinct redacted message per ISO week,
// counted. There is no OpenID column: a message cannot be traced back to a customer.
type unmatchedRow struct {
	ID       int64     `gorm:"primaryKey;autoIncrement"`
	Week     string    `gorm:"size:10;not null;uniqueIndex:ux_kb_unmatched_week_key,priority:1;index"`
	KeyHash  string    `gorm:"size:64;not null;uniqueIndex:ux_kb_unmatched_week_key,priority:2"`
	Kind     string    `gorm:"size:16;not null"`
	Text     string    `gorm:"size:1200;not null"`
	Category string    `gorm:"size:64"`
	RuleID   string    `gorm:"size:128"`
	Score    float64   `gorm:"not null;default:0"`
	Count    int       `gorm:"column:hits;not null;default:1"`
	Status   string    `gorm:"size:16;not null;default:'';index"`
	Label    string    `gorm:"size:128"`
	FirstAt  time.Time `gorm:"not null"`
	LastAt   time.Time `gorm:"not null"`
}

func (unmatchedRow) TableName() string { return "kb_unmatched" }

func toUnmatched(r unmatchedRow) knowledge.Unmatched {
	return knowledge.Unmatched{ID: r.ID, Text: r.Text, Key: r.KeyHash, Kind: r.Kind, Category: r.Category,
		RuleID: r.RuleID, Score: r.Score, Week: r.Week, Count: r.Count, Status: r.Status, Label: r.Label,
		FirstAt: r.FirstAt, LastAt: r.LastAt}
}

// ErrNoUnmatched is returned for an unmatched message id that is not stored.
var ErrNoUnmatched = errors.New("knowledgedb: no such unmatched message")

// NoteUnmatched keeps a message: its text is redacted (knowledge.Redact) here, before
// anything is stored. The same normal form in the same week only counts up; past
// knowledge.UnmatchedPerWeek distinct messages in a week, new ones are dropped.
func (s *Store) NoteUnmatched(ctx context.Context, u knowledge.Unmatched) error {
	text := cut(knowledge.Redact(u.Text), maxUnmatchedText)
	norm := knowledge.Normalize(text)
	if norm == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(norm))
	now := s.now().UTC()
	week := knowledge.ISOWeek(now)
	key := hex.EncodeToString(sum[:])
	db := s.conn(ctx)
	res := db.Model(&unmatchedRow{}).Where("week = ? AND key_hash = ?", week, key).
		Updates(map[string]any{"hits": gorm.Expr("hits + 1"), "last_at": now})
	if res.Error != nil {
		return wrap("note unmatched", res.Error)
	}
	if res.RowsAffected > 0 {
		return nil
	}
	var n int64
	if err := db.Model(&unmatchedRow{}).Where("week = ?", week).Count(&n).Error; err != nil {
		return wrap("note unmatched", err)
	}
	if n >= knowledge.UnmatchedPerWeek {
		return nil
	}
	row := unmatchedRow{Week: week, KeyHash: key, Kind: u.Kind, Text: text, Category: cut(u.Category, 64),
		RuleID: cut(u.RuleID, 128), Score: u.Score, Count: 1, FirstAt: now, LastAt: now}
	if row.Kind == "" {
		row.Kind = knowledge.UnmatchedNoRule
	}
	// Another instance may have inserted the same text meanwhile: then count it there.
	err := db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "week"}, {Name: "key_hash"}},
		DoUpdates: clause.Assignments(map[string]any{"hits": gorm.Expr("hits + 1"), "last_at": now}),
	}).Create(&row).Error
	return wrap("note unmatched", err)
}

// OpenUnmatched lists the messages no editor has handled yet, newest first, at most limit.
func (s *Store) OpenUnmatched(ctx context.Context, limit int) ([]knowledge.Unmatched, error) {
	return s.listUnmatched(ctx, "status = ?", "", limit)
}

// LabeledUnmatched lists the messages editors made samples of, newest first.
func (s *Store) LabeledUnmatched(ctx context.Context, limit int) ([]knowledge.Unmatched, error) {
	return s.listUnmatched(ctx, "status = ?", knowledge.UnmatchedAdded, limit)
}

func (s *Store) listUnmatched(ctx context.Context, where string, arg any, limit int) ([]knowledge.Unmatched, error) {
	var rows []unmatchedRow
	err := s.conn(ctx).Where(where, arg).Order("last_at DESC, id DESC").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, wrap("list unmatched", err)
	}
	out := make([]knowledge.Unmatched, len(rows))
	for i, r := range rows {
		out[i] = toUnmatched(r)
	}
	return out, nil
}

// Unmatched returns one message (ErrNoUnmatched when missing).
func (s *Store) Unmatched(ctx context.Context, id int64) (knowledge.Unmatched, error) {
	var r unmatchedRow
	err := s.conn(ctx).Where("id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return knowledge.Unmatched{}, fmt.Errorf("%w: %d", ErrNoUnmatched, id)
	}
	return toUnmatched(r), wrap("unmatched", err)
}

// SetUnmatchedStatus marks a message added as a sample of label (a rule id) or dismissed.
func (s *Store) SetUnmatchedStatus(ctx context.Context, id int64, status, label string) error {
	res := s.conn(ctx).Model(&unmatchedRow{}).Where("id = ?", id).
		Updates(map[string]any{"status": status, "label": cut(label, 128)})
	if res.Error != nil {
		return wrap("set unmatched status", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%w: %d", ErrNoUnmatched, id)
	}
	return nil
}

// UnmatchedWeeks counts the unmatched and corrected messages (repeats included) of the
// weeks ISO weeks up to now's, oldest first, every week present.
func (s *Store) UnmatchedWeeks(ctx context.Context, now time.Time, weeks int) ([]knowledge.WeekCount, error) {
	out := make([]knowledge.WeekCount, weeks)
	at := map[string]int{}
	names := make([]string, weeks)
	for i := range out {
		w := knowledge.ISOWeek(now.AddDate(0, 0, -7*(weeks-1-i)))
		out[i].Week, at[w], names[i] = w, i, w
	}
	var rows []struct {
		Week, Kind string
		N          int
	}
	err := s.conn(ctx).Model(&unmatchedRow{}).Select("week, kind, SUM(hits) AS n").
		Where("week IN ?", names).Group("week, kind").Scan(&rows).Error
	if err != nil {
		return nil, wrap("unmatched weeks", err)
	}
	for _, r := range rows {
		i := at[r.Week]
		if r.Kind == knowledge.UnmatchedCorrected {
			out[i].Corrected += r.N
		} else {
			out[i].Unmatched += r.N
		}
	}
	return out, nil
}
