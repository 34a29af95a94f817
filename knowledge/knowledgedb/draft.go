package knowledgedb

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/wxintake/intake/knowledge"
)

// DraftLabel is the Version of a set parsed from the draft.
const DraftLabel = "draft"

// Draft returns the working draft, parsed. The set is shared: callers must not modify it.
func (s *Store) Draft(ctx context.Context) (*knowledge.Set, error) {
	var hashes []string
	if err := s.conn(ctx).Model(&draftRow{}).Where("id = ?", draftID).Limit(1).Pluck("hash", &hashes).Error; err != nil {
		return nil, wrap("draft", err)
	}
	if len(hashes) == 0 {
		return nil, fmt.Errorf("%w: no draft", knowledge.ErrNoRevision)
	}
	s.mu.Lock()
	if c := s.draft; c.set != nil && c.key == hashes[0] {
		s.mu.Unlock()
		return c.set, nil
	}
	s.mu.Unlock()
	files, err := s.Export(ctx, DraftVersion)
	if err != nil {
		return nil, err
	}
	set, err := s.parseFiles(files, DraftLabel)
	if err != nil {
		return nil, wrap("draft", err)
	}
	s.remember(set)
	return set, nil
}

// remember caches the parsed draft.
func (s *Store) remember(draft *knowledge.Set) {
	s.mu.Lock()
	s.draft = parsed{key: draft.Hash, set: draft}
	s.mu.Unlock()
}

// DraftInfo describes the draft: what it started from, whether it has unpublished
// changes, and who changed it last.
func (s *Store) DraftInfo(ctx context.Context) (knowledge.DraftInfo, error) {
	var d draftRow
	err := s.conn(ctx).Omit("files").Where("id = ?", draftID).Take(&d).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return knowledge.DraftInfo{}, fmt.Errorf("%w: no draft", knowledge.ErrNoRevision)
	}
	if err != nil {
		return knowledge.DraftInfo{}, wrap("draft info", err)
	}
	var hashes []string
	err = s.conn(ctx).Model(&revisionRow{}).Where("status = ?", knowledge.RevisionPublished).
		Order("id DESC").Limit(1).Pluck("hash", &hashes).Error
	if err != nil {
		return knowledge.DraftInfo{}, wrap("draft info", err)
	}
	return knowledge.DraftInfo{
		BaseVersion: int(d.BaseVersion), Hash: d.Hash, Changed: len(hashes) == 0 || hashes[0] != d.Hash,
		UpdatedAt: d.UpdatedAt.UTC(), UpdatedBy: d.UpdatedBy,
	}, nil
}

// RuleText returns the rule with the id as the draft's YAML has it, comments and layout
// included, as a mapping of its own: the text to edit and give back to PutRule.
func (s *Store) RuleText(ctx context.Context, id string) ([]byte, error) {
	files, err := s.Export(ctx, DraftVersion)
	if err != nil {
		return nil, err
	}
	_, l, i, err := findRule(files, id)
	if err != nil {
		return nil, err
	}
	return ruleText(l, l.items[i]), nil
}

// PutRule writes one rule, as YAML (the shape knowledge.MarshalRule produces), into the
// draft: in place of the rule replaceID, or as a new rule when replaceID is "" (see
// ruleFileFor for its file). The rule is checked on its own and against the draft
// (knowledge.Set.CheckRule): a *knowledge.ValidationError's problems carry lines within
// data and fields of the rule. A replaceID the draft lacks is knowledge.ErrNoRule.
func (s *Store) PutRule(ctx context.Context, author, replaceID string, data []byte) (knowledge.Rule, error) {
	var rule knowledge.Rule
	err := s.editDraft(ctx, author, func(draft *knowledge.Set, files map[string][]byte) (map[string][]byte, error) {
		if replaceID != "" && draft.Rule(replaceID) == nil {
			return nil, fmt.Errorf("%w: %s", knowledge.ErrNoRule, replaceID)
		}
		r, err := draft.CheckRule(data, replaceID)
		if err != nil {
			return nil, err
		}
		rule = r
		return putRule(files, replaceID, r, data)
	})
	return rule, wrap("put rule", err)
}

// DeleteRule removes the rule with the id from the draft.
func (s *Store) DeleteRule(ctx context.Context, author, id string) error {
	err := s.editDraft(ctx, author, func(draft *knowledge.Set, files map[string][]byte) (map[string][]byte, error) {
		if draft.Rule(id) == nil {
			return nil, fmt.Errorf("%w: %s", knowledge.ErrNoRule, id)
		}
		return deleteRule(files, id)
	})
	return wrap("delete rule", err)
}

// Import replaces the whole draft with files (path in the knowledge directory → YAML).
// They must parse and validate (a *knowledge.ValidationError otherwise); the self-test
// runs when the draft is published.
func (s *Store) Import(ctx context.Context, author string, files map[string][]byte) error {
	if len(files) == 0 {
		return wrap("import", knowledge.ErrBadImport)
	}
	for name := range files {
		if !importName(name) {
			return wrap("import", fmt.Errorf("%w: %q", knowledge.ErrBadImport, name))
		}
	}
	err := s.editDraft(ctx, author, func(*knowledge.Set, map[string][]byte) (map[string][]byte, error) {
		return files, nil
	})
	return wrap("import", err)
}

// importName reports whether an imported file's name is a clean relative slash path to a
// .yaml file: no "..", no leading "/", and no backslash, colon (a drive letter, C:) or
// control character, which would name another place on the machine exporting it again.
func importName(name string) bool {
	ext := path.Ext(name)
	return path.Clean(name) == name && !path.IsAbs(name) && name != ".." && !strings.HasPrefix(name, "../") &&
		!strings.ContainsAny(name, "\\:") && strings.IndexFunc(name, unicode.IsControl) < 0 &&
		(ext == ".yaml" || ext == ".yml")
}

// editDraft changes the draft under its lock: edit returns the new files, which must
// parse and validate as a whole before they are stored.
func (s *Store) editDraft(ctx context.Context, author string, edit func(draft *knowledge.Set, files map[string][]byte) (map[string][]byte, error)) error {
	return s.editDraftRow(ctx, author, func(_ *gorm.DB, _ draftRow, draft *knowledge.Set, files map[string][]byte) (map[string][]byte, map[string]any, error) {
		files, err := edit(draft, files)
		return files, nil, err
	})
}

// editDraftRow is editDraft whose edit also sees the transaction and the locked row, and
// may return more columns of the draft to update.
func (s *Store) editDraftRow(ctx context.Context, author string,
	edit func(tx *gorm.DB, d draftRow, draft *knowledge.Set, files map[string][]byte) (map[string][]byte, map[string]any, error),
) error {
	return s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		d, err := s.lockDraft(tx)
		if err != nil {
			return err
		}
		files, err := decodeFiles(d.Files)
		if err != nil {
			return err
		}
		draft, err := s.parsedDraft(d.Hash, files)
		if err != nil {
			return err
		}
		files, extra, err := edit(tx, d, draft, files)
		if err != nil {
			return err
		}
		next, err := s.parseFiles(files, DraftLabel)
		if err != nil {
			return err
		}
		if err := next.Validate(); err != nil {
			return err
		}
		enc, err := encodeFiles(files)
		if err != nil {
			return err
		}
		cols := map[string]any{
			"files": enc, "hash": next.Hash, "updated_at": s.now().UTC(), "updated_by": cut(author, maxAuthor),
		}
		for k, v := range extra {
			cols[k] = v
		}
		err = tx.Model(&draftRow{}).Where("id = ?", draftID).Updates(cols).Error
		if err != nil {
			return err
		}
		s.remember(next)
		return nil
	})
}

// parsedDraft returns the draft with the hash, from the cache or parsed from files.
func (s *Store) parsedDraft(hash string, files map[string][]byte) (*knowledge.Set, error) {
	s.mu.Lock()
	c := s.draft
	s.mu.Unlock()
	if c.set != nil && c.key == hash {
		return c.set, nil
	}
	return s.parseFiles(files, DraftLabel)
}
