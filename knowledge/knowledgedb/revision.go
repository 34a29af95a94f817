package knowledgedb

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// SeedAuthor is the author of revision 1, the knowledge shipped with the binary.
const SeedAuthor = "system"

// EnsureSeeded stores shipped as revision 1, published, and as the draft, when nothing is
// stored yet; it reports whether it did. Instances starting together on an empty
// database may all try: the draft's primary key lets one of them win.
//
// It also records shipped in kb_shipped, so that a database already holding revisions
// can be offered what this release changed in the shipped knowledge (Proposal).
func (s *Store) EnsureSeeded(ctx context.Context, shipped *knowledge.Set) (bool, error) {
	if err := s.recordShipped(ctx, shipped); err != nil {
		return false, wrap("seed", err)
	}
	var n int64
	if err := s.conn(ctx).Model(&revisionRow{}).Count(&n).Error; err != nil {
		return false, wrap("seed", err)
	}
	if n > 0 {
		return false, nil
	}
	files, err := encodeFiles(shipped.Files())
	if err != nil {
		return false, wrap("seed", err)
	}
	now := s.now().UTC()
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&revisionRow{}).Count(&n).Error; err != nil || n > 0 {
			return err
		}
		rev := revisionRow{
			CreatedAt: now, Author: SeedAuthor, Message: catalog.T("kbedit.seed.message"),
			Files: files, Hash: shipped.Hash, Status: string(knowledge.RevisionPublished), Rules: len(shipped.Rules),
			ShippedHash: shipped.Hash,
		}
		if err := tx.Create(&rev).Error; err != nil {
			return err
		}
		return tx.Create(&draftRow{ID: draftID, BaseVersion: rev.ID, Files: files, Hash: shipped.Hash, UpdatedAt: now, UpdatedBy: SeedAuthor, ShippedHash: shipped.Hash}).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return false, nil // another instance seeded first
	}
	if err != nil {
		return false, wrap("seed", err)
	}
	return n == 0, nil
}

// CurrentVersion returns the version of the current published revision.
func (s *Store) CurrentVersion(ctx context.Context) (int, error) {
	var ids []uint64
	err := s.conn(ctx).Model(&revisionRow{}).Where("status = ?", knowledge.RevisionPublished).
		Order("id DESC").Limit(1).Pluck("id", &ids).Error
	if err != nil {
		return 0, wrap("current version", err)
	}
	if len(ids) == 0 {
		return 0, wrap("current version", knowledge.ErrNoRevision)
	}
	return int(ids[0]), nil
}

// Current returns the current published revision, parsed, and its version.
func (s *Store) Current(ctx context.Context) (*knowledge.Set, int, error) {
	v, err := s.CurrentVersion(ctx)
	if err != nil {
		return nil, 0, err
	}
	set, err := s.Load(ctx, v)
	return set, v, err
}

// Load returns revision version, parsed; the set's Version is the number. The set is
// shared: callers must not modify it.
func (s *Store) Load(ctx context.Context, version int) (*knowledge.Set, error) {
	s.mu.Lock()
	if c := s.rev; c.set != nil && c.key == versionLabel(version) {
		s.mu.Unlock()
		return c.set, nil
	}
	s.mu.Unlock()
	files, err := s.Export(ctx, version)
	if err != nil {
		return nil, err
	}
	set, err := s.parseFiles(files, versionLabel(version))
	if err != nil {
		return nil, wrap(fmt.Sprintf("revision %d", version), err)
	}
	s.mu.Lock()
	s.rev = parsed{key: versionLabel(version), set: set}
	s.mu.Unlock()
	return set, nil
}

// Revision returns the description of one revision.
func (s *Store) Revision(ctx context.Context, version int) (knowledge.Revision, error) {
	var row revisionRow
	err := s.conn(ctx).Omit("files").Where("id = ?", version).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return knowledge.Revision{}, fmt.Errorf("%w: %d", knowledge.ErrNoRevision, version)
	}
	if err != nil {
		return knowledge.Revision{}, wrap("revision", err)
	}
	return toRevision(row), nil
}

// History lists every revision, newest first.
func (s *Store) History(ctx context.Context) ([]knowledge.Revision, error) {
	var rows []revisionRow
	if err := s.conn(ctx).Omit("files").Order("id DESC").Find(&rows).Error; err != nil {
		return nil, wrap("history", err)
	}
	out := make([]knowledge.Revision, len(rows))
	for i, r := range rows {
		out[i] = toRevision(r)
	}
	return out, nil
}

// Export returns the YAML files of revision version, or of the draft for DraftVersion,
// keyed by their path in the knowledge directory.
func (s *Store) Export(ctx context.Context, version int) (map[string][]byte, error) {
	if version == DraftVersion {
		var d draftRow
		err := s.conn(ctx).Where("id = ?", draftID).Take(&d).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, fmt.Errorf("%w: no draft", knowledge.ErrNoRevision)
		}
		if err != nil {
			return nil, wrap("export draft", err)
		}
		return decodeFiles(d.Files)
	}
	var files []string
	if err := s.conn(ctx).Model(&revisionRow{}).Where("id = ?", version).Limit(1).Pluck("files", &files).Error; err != nil {
		return nil, wrap("export", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w: %d", knowledge.ErrNoRevision, version)
	}
	return decodeFiles(files[0])
}

// Diff compares two versions file by file (DraftVersion is the draft): what changes from
// version from to version to.
func (s *Store) Diff(ctx context.Context, from, to int) ([]knowledge.FileDiff, error) {
	a, err := s.Export(ctx, from)
	if err != nil {
		return nil, err
	}
	b, err := s.Export(ctx, to)
	if err != nil {
		return nil, err
	}
	return knowledge.DiffFiles(a, b), nil
}
