package media

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MaxBytes is the largest file kept: WeChat's image messages are at most a few hundred
// KB, and 2 MiB leaves room while keeping a row small.
const MaxBytes = 2 << 20

// File is one stored media file.
type File struct {
	ID          string // WeChat's media id
	ContentType string // one of Allowed
	Bytes       []byte
	FetchedAt   time.Time
}

// ErrNotFound means no file is stored under the id.
var ErrNotFound = errors.New("media: not found")

// row is a row of table media.
type row struct {
	MediaID     string    `gorm:"primaryKey;size:128"`
	ContentType string    `gorm:"size:64;not null"`
	Size        int       `gorm:"not null"`
	Bytes       []byte    `gorm:"type:mediumblob;not null"`
	FetchedAt   time.Time `gorm:"not null"`
}

// TableName is the table of media files.
func (row) TableName() string { return "media" }

// Store keeps media files in the database.
type Store struct{ db *gorm.DB }

// NewStore returns a store on db.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// Put stores f; a file already stored under f.ID is kept (media ids never change
// content).
func (s *Store) Put(ctx context.Context, f File) error {
	r := row{MediaID: f.ID, ContentType: f.ContentType, Size: len(f.Bytes), Bytes: f.Bytes, FetchedAt: f.FetchedAt.UTC()}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error
}

// Get returns the file stored under id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (File, error) {
	var r row
	err := s.db.WithContext(ctx).Where("media_id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return File{}, ErrNotFound
	} else if err != nil {
		return File{}, err
	}
	return File{ID: r.MediaID, ContentType: r.ContentType, Bytes: r.Bytes, FetchedAt: r.FetchedAt}, nil
}

// Have reports which of ids are stored.
func (s *Store) Have(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var found []string
	if err := s.db.WithContext(ctx).Model(&row{}).Where("media_id IN ?", ids).Pluck("media_id", &found).Error; err != nil {
		return nil, err
	}
	for _, id := range found {
		out[id] = true
	}
	return out, nil
}
