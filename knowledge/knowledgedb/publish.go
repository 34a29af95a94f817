package knowledgedb

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// Publish makes the draft the current revision. The draft must pass
// knowledge.CheckPublishable: a *knowledge.ValidationError or a *knowledge.SelfTestError
// refuses it, and so does knowledge.ErrUnchanged when it is what is already served. The
// new revision is stored and made current in one transaction, so every reader sees
// either the old revision or the new one. Running instances learn of it through a
// Publisher.
func (s *Store) Publish(ctx context.Context, author, message string) (knowledge.Revision, error) {
	draft, err := s.Draft(ctx)
	if err != nil {
		return knowledge.Revision{}, err
	}
	if err := knowledge.CheckPublishable(draft); err != nil {
		return knowledge.Revision{}, wrap("publish", err)
	}
	rev, err := s.publish(ctx, author, message, draft, 0, func(tx *gorm.DB, d draftRow, rev revisionRow) error {
		if d.Hash != draft.Hash {
			return knowledge.ErrDraftChanged
		}
		return tx.Model(&draftRow{}).Where("id = ?", draftID).Update("base_version", rev.ID).Error
	})
	return rev, wrap("publish", err)
}

// Rollback publishes a copy of revision to as a new revision, and resets the draft to it
// (unpublished edits are discarded). The old revision must still pass
// knowledge.CheckPublishable; message defaults to one naming the version.
func (s *Store) Rollback(ctx context.Context, author string, to int, message string) (knowledge.Revision, error) {
	old, err := s.Load(ctx, to)
	if err != nil {
		return knowledge.Revision{}, wrap("rollback", err)
	}
	if err := knowledge.CheckPublishable(old); err != nil {
		return knowledge.Revision{}, wrap(fmt.Sprintf("rollback to %d", to), err)
	}
	if message == "" {
		message = catalog.T("kbedit.rollback.message", "version", to)
	}
	enc, err := encodeFiles(old.Files())
	if err != nil {
		return knowledge.Revision{}, wrap("rollback", err)
	}
	rev, err := s.publish(ctx, author, message, old, to, func(tx *gorm.DB, _ draftRow, rev revisionRow) error {
		return tx.Model(&draftRow{}).Where("id = ?", draftID).Updates(map[string]any{
			"base_version": rev.ID, "files": enc, "hash": old.Hash, "updated_at": rev.CreatedAt, "updated_by": rev.Author,
			"shipped_hash": rev.ShippedHash,
		}).Error
	})
	return rev, wrap("rollback", err)
}

// publish stores set as the new current revision under the draft's lock; then updates
// the draft in the same transaction.
func (s *Store) publish(ctx context.Context, author, message string, set *knowledge.Set, source int,
	then func(tx *gorm.DB, d draftRow, rev revisionRow) error,
) (knowledge.Revision, error) {
	files, err := encodeFiles(set.Files())
	if err != nil {
		return knowledge.Revision{}, err
	}
	rev := revisionRow{
		CreatedAt: s.now().UTC(), Author: cut(author, maxAuthor), Message: cut(message, maxMessage),
		Files: files, Hash: set.Hash, Status: string(knowledge.RevisionPublished), Source: uint64(source), Rules: len(set.Rules),
	}
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		d, err := s.lockDraft(tx)
		if err != nil {
			return err
		}
		var current []string
		err = tx.Model(&revisionRow{}).Where("status = ?", knowledge.RevisionPublished).Pluck("hash", &current).Error
		if err != nil {
			return err
		}
		if len(current) > 0 && current[0] == set.Hash {
			return knowledge.ErrUnchanged
		}
		// The revision started from the shipped knowledge the draft did, or for a
		// rollback from the one the copied revision did.
		rev.ShippedHash = d.ShippedHash
		if source != 0 {
			var hashes []string
			if err := tx.Model(&revisionRow{}).Where("id = ?", source).Pluck("shipped_hash", &hashes).Error; err != nil {
				return err
			}
			if len(hashes) > 0 {
				rev.ShippedHash = hashes[0]
			}
		}
		err = tx.Model(&revisionRow{}).Where("status = ?", knowledge.RevisionPublished).
			Update("status", knowledge.RevisionSuperseded).Error
		if err != nil {
			return err
		}
		if err := tx.Create(&rev).Error; err != nil {
			return err
		}
		return then(tx, d, rev)
	})
	if err != nil {
		return knowledge.Revision{}, err
	}
	return toRevision(rev), nil
}
