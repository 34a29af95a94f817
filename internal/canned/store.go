package canned

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// row is a row of canned_replies.
type row struct {
	ID        uint64    `gorm:"primaryKey;autoIncrement"`
	Title     string    `gorm:"size:200;not null"`
	Text      string    `gorm:"type:text;not null"`
	CreatedBy string    `gorm:"size:32;not null"`
	UpdatedBy string    `gorm:"size:32;not null"`
	CreatedAt time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	UpdatedAt time.Time `gorm:"precision:6;not null;autoUpdateTime:false"`
}

// TableName is the table of canned replies.
func (row) TableName() string { return "canned_replies" }

func toRow(r Reply) row {
	return row{ID: r.ID, Title: r.Title, Text: r.Text, CreatedBy: r.CreatedBy, UpdatedBy: r.UpdatedBy,
		CreatedAt: dbTime(r.CreatedAt), UpdatedAt: dbTime(r.UpdatedAt)}
}

func toReply(w row) Reply {
	return Reply{ID: w.ID, Title: w.Title, Text: w.Text, CreatedBy: w.CreatedBy, UpdatedBy: w.UpdatedBy,
		CreatedAt: w.CreatedAt.UTC(), UpdatedAt: w.UpdatedAt.UTC()}
}

// Store keeps the canned replies. It is safe for concurrent use, also by several
// processes sharing one database.
type Store struct{ db *gorm.DB }

// New returns a Store on db, whose table package migrations has created.
func New(db *gorm.DB) *Store { return &Store{db: db} }

// List returns every reply, oldest first.
func (s *Store) List(ctx context.Context) ([]Reply, error) {
	var rows []row
	if err := s.db.WithContext(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, wrap("list", err)
	}
	out := make([]Reply, len(rows))
	for i, w := range rows {
		out[i] = toReply(w)
	}
	return out, nil
}

// Get returns one reply, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id uint64) (Reply, error) {
	var w row
	err := s.db.WithContext(ctx).Where("id = ?", id).Take(&w).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Reply{}, fmt.Errorf("%w: %d", ErrNotFound, id)
	}
	if err != nil {
		return Reply{}, wrap("get", err)
	}
	return toReply(w), nil
}

// Create normalises, validates and stores a new reply (its ID is ignored; UpdatedBy and
// UpdatedAt default to CreatedBy and CreatedAt) and returns it with its ID.
func (s *Store) Create(ctx context.Context, r Reply) (Reply, error) {
	r = r.Normalize()
	if err := r.Check(); err != nil {
		return Reply{}, err
	}
	if r.UpdatedBy == "" {
		r.UpdatedBy = r.CreatedBy
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = r.CreatedAt
	}
	w := toRow(r)
	w.ID = 0
	if err := s.db.WithContext(ctx).Create(&w).Error; err != nil {
		return Reply{}, wrap("create", err)
	}
	return toReply(w), nil
}

// Update normalises, validates and stores the title and text of reply r.ID, with
// r.UpdatedBy and r.UpdatedAt, and returns the reply as stored. ErrNotFound for an
// unknown id.
func (s *Store) Update(ctx context.Context, r Reply) (Reply, error) {
	r = r.Normalize()
	if err := r.Check(); err != nil {
		return Reply{}, err
	}
	res := s.db.WithContext(ctx).Model(&row{}).Where("id = ?", r.ID).Updates(map[string]any{
		"title": r.Title, "text": r.Text, "updated_by": r.UpdatedBy, "updated_at": dbTime(r.UpdatedAt),
	})
	if res.Error != nil {
		return Reply{}, wrap("update", res.Error)
	}
	if res.RowsAffected == 0 {
		// MySQL counts changed rows, not matched ones: check the reply is really gone.
		if _, err := s.Get(ctx, r.ID); err != nil {
			return Reply{}, err
		}
	}
	return s.Get(ctx, r.ID)
}

// Delete removes a reply, or answers ErrNotFound.
func (s *Store) Delete(ctx context.Context, id uint64) error {
	res := s.db.WithContext(ctx).Where("id = ?", id).Delete(&row{})
	if res.Error != nil {
		return wrap("delete", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%w: %d", ErrNotFound, id)
	}
	return nil
}

// wrap prefixes err with the operation, keeping it matchable with errors.Is.
func wrap(op string, err error) error { return fmt.Errorf("canned: %s: %w", op, err) }

// dbTime is t as both databases store it: UTC, to the microsecond.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
