package knowledgedb

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/knowledge"
)

// DraftVersion stands for the working draft where a version is asked for (Export, Diff).
const DraftVersion = 0

// Column sizes; longer authors and messages are cut to fit.
const (
	maxAuthor  = 64
	maxMessage = 500
)

// Options tune a Store; zero values take defaults.
type Options struct {
	// Now is the clock stamping revisions and draft changes; time.Now when nil.
	Now func() time.Time
}

// Store keeps the published revisions of the knowledge and the shared working draft in
// MySQL/MariaDB or SQLite. It is safe for concurrent use, also by several processes
// sharing one database: publishing, rolling back and editing the draft each lock the
// draft row, so they happen one at a time.
type Store struct {
	db    *gorm.DB
	mysql bool
	now   func() time.Time

	mu    sync.Mutex
	draft parsed // the last draft parsed, by hash
	rev   parsed // the last revision parsed, by version

	shipped *knowledge.Set // the knowledge this binary ships, from EnsureSeeded
}

// parsed caches one parsed set.
type parsed struct {
	key string
	set *knowledge.Set
}

// New returns a Store on db, whose tables package migrations has created.
func New(db *gorm.DB, o Options) *Store {
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Store{db: db, mysql: database.Dialect(db) == database.MySQL, now: o.Now}
}

// revisionRow is a row of kb_revisions: one published version of the whole set. Its id
// is the version number. The files are a JSON object, file path → YAML text.
type revisionRow struct {
	ID        uint64    `gorm:"primaryKey;autoIncrement"`
	CreatedAt time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	Author    string    `gorm:"size:64;not null"`
	Message   string    `gorm:"size:500;not null"`
	Files     string    `gorm:"type:longtext;not null"`
	Hash      string    `gorm:"size:64;not null"`
	// Status is "published" on exactly one row, the current revision, else "superseded".
	Status string `gorm:"size:16;not null;index:idx_kb_revisions_status"`
	Source uint64 `gorm:"not null"` // the version a rollback copied, else 0
	Rules  int    `gorm:"not null"`
	// ShippedHash is the Hash of the shipped knowledge the revision's work started from
	// (kb_shipped); "" on rows older than migration 0011 that revision 1 did not fill.
	ShippedHash string `gorm:"size:64;not null;default:''"`
}

// TableName is the table of revisions.
func (revisionRow) TableName() string { return "kb_revisions" }

// draftRow is the single row (id 1) of kb_draft: the working draft every editor changes.
// Publishing and editing lock it, which also orders concurrent publishes.
type draftRow struct {
	ID          uint8     `gorm:"primaryKey;autoIncrement:false"`
	BaseVersion uint64    `gorm:"not null"`
	Files       string    `gorm:"type:longtext;not null"`
	Hash        string    `gorm:"size:64;not null"`
	UpdatedAt   time.Time `gorm:"precision:6;not null;autoUpdateTime:false"`
	UpdatedBy   string    `gorm:"size:64;not null"`
	// ShippedHash is the Hash of the shipped knowledge the draft's work started from;
	// applying a release's proposal moves it to that release.
	ShippedHash string `gorm:"size:64;not null;default:''"`
}

// TableName is the table of the draft.
func (draftRow) TableName() string { return "kb_draft" }

const draftID = 1

func toRevision(r revisionRow) knowledge.Revision {
	return knowledge.Revision{
		Version: int(r.ID), CreatedAt: r.CreatedAt.UTC(), Author: r.Author, Message: r.Message,
		Hash: r.Hash, Status: knowledge.RevisionStatus(r.Status), Source: int(r.Source), Rules: r.Rules,
		ShippedHash: r.ShippedHash,
	}
}

// encodeFiles writes files as a JSON object of texts, readable in the database.
func encodeFiles(files map[string][]byte) (string, error) {
	m := make(map[string]string, len(files))
	for name, b := range files {
		if !utf8.Valid(b) {
			return "", fmt.Errorf("knowledgedb: %s is not UTF-8 text", name)
		}
		m[name] = string(b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func decodeFiles(s string) (map[string][]byte, error) {
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("knowledgedb: stored files: %w", err)
	}
	out := make(map[string][]byte, len(m))
	for name, text := range m {
		out[name] = []byte(text)
	}
	return out, nil
}

// parseFiles parses stored files into a set labelled version, reusing the files the last
// draft and revision parsed have in common with it.
func (s *Store) parseFiles(files map[string][]byte, version string) (*knowledge.Set, error) {
	s.mu.Lock()
	draft, rev := s.draft.set, s.rev.set
	s.mu.Unlock()
	set, err := knowledge.ParseReusing(files, rev, draft)
	if err != nil {
		return nil, err
	}
	set.Version = version
	return set, nil
}

// conn returns the Store's handle bound to ctx.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// lockDraft reads the draft row and, on MySQL, locks it until the transaction ends.
// SQLite needs no lock: its transactions start with BEGIN IMMEDIATE and so run one at a
// time.
func (s *Store) lockDraft(tx *gorm.DB) (draftRow, error) {
	if s.mysql {
		tx = tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	var d draftRow
	err := tx.Where("id = ?", draftID).Take(&d).Error
	if err == gorm.ErrRecordNotFound {
		return d, fmt.Errorf("%w: the knowledge was never stored (EnsureSeeded)", knowledge.ErrNoRevision)
	}
	return d, err
}

// cut shortens s to n characters.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// wrap prefixes err with the operation, keeping it matchable with errors.Is and As.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("knowledgedb: %s: %w", op, err)
}

func versionLabel(v int) string { return strconv.Itoa(v) }
