package knowledgedb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"gopkg.in/yaml.v3"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/knowledge"
)

// shippedRow is a row of kb_shipped: the knowledge one release of the binary shipped, kept
// so that the next release can compare against it (the base of a Proposal).
type shippedRow struct {
	Hash      string    `gorm:"primaryKey;size:64"`
	Files     string    `gorm:"type:longtext;not null"`
	CreatedAt time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	// DismissedAt and DismissedBy record an editor dismissing this release's proposal.
	DismissedAt *time.Time `gorm:"precision:6"`
	DismissedBy string     `gorm:"size:64;not null;default:''"`
}

// TableName is the table of shipped knowledge.
func (shippedRow) TableName() string { return "kb_shipped" }

// MigrateShipped adds what a proposal needs (migration 0011): the kb_shipped table and the
// shipped_hash columns of kb_revisions and kb_draft. A database seeded by an earlier
// release has revision 1 as that release shipped it: it becomes the base every existing
// revision and the draft started from.
func MigrateShipped(db *gorm.DB) error {
	if err := db.AutoMigrate(&revisionRow{}, &draftRow{}, &shippedRow{}); err != nil {
		return fmt.Errorf("knowledgedb: migrate shipped: %w", err)
	}
	var first []revisionRow
	if err := db.Where("id = ?", 1).Limit(1).Find(&first).Error; err != nil {
		return fmt.Errorf("knowledgedb: migrate shipped: %w", err)
	}
	if len(first) == 0 {
		return nil // nothing stored yet: EnsureSeeded records the shipped knowledge
	}
	r := first[0]
	err := db.Clauses(clause.OnConflict{DoNothing: true}).
		Create(&shippedRow{Hash: r.Hash, Files: r.Files, CreatedAt: r.CreatedAt}).Error
	if err == nil {
		err = db.Model(&revisionRow{}).Where("shipped_hash = ?", "").Update("shipped_hash", r.Hash).Error
	}
	if err == nil {
		err = db.Model(&draftRow{}).Where("shipped_hash = ?", "").Update("shipped_hash", r.Hash).Error
	}
	if err != nil {
		return fmt.Errorf("knowledgedb: migrate shipped: %w", err)
	}
	return nil
}

// recordShipped stores the knowledge this binary ships in kb_shipped, once per hash, and
// remembers it for Proposal.
func (s *Store) recordShipped(ctx context.Context, shipped *knowledge.Set) error {
	files, err := encodeFiles(shipped.Files())
	if err != nil {
		return err
	}
	err = s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&shippedRow{Hash: shipped.Hash, Files: files, CreatedAt: s.now().UTC()}).Error
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.shipped = shipped
	s.mu.Unlock()
	return nil
}

// ErrNoShipped: the store was not given the shipped knowledge (EnsureSeeded), or the
// shipped knowledge the draft started from is not stored.
var ErrNoShipped = errors.New("knowledgedb: the shipped knowledge is unknown")

// Proposal compares the knowledge this binary ships with the shipped knowledge the draft
// started from and with the draft (knowledge.Propose): what this release would change.
// It changes nothing.
func (s *Store) Proposal(ctx context.Context) (knowledge.Proposal, error) {
	var d draftRow
	if err := s.conn(ctx).Omit("files").Where("id = ?", draftID).Take(&d).Error; err != nil {
		return knowledge.Proposal{}, wrap("proposal", err)
	}
	draft, err := s.Draft(ctx)
	if err != nil {
		return knowledge.Proposal{}, wrap("proposal", err)
	}
	p, _, err := s.propose(s.conn(ctx), d, draft)
	if err != nil {
		return p, wrap("proposal", err)
	}
	info, err := s.DraftInfo(ctx)
	if err != nil {
		return p, err
	}
	p.DraftChanged = info.Changed
	return p, nil
}

// propose computes the proposal against the draft row d, parsed as draft, and returns the
// base and release files with it.
func (s *Store) propose(tx *gorm.DB, d draftRow, draft *knowledge.Set) (knowledge.Proposal, [2]map[string][]byte, error) {
	var files [2]map[string][]byte
	s.mu.Lock()
	release := s.shipped
	s.mu.Unlock()
	if release == nil {
		return knowledge.Proposal{}, files, ErrNoShipped
	}
	files[1] = release.Files()
	if d.ShippedHash == release.Hash {
		return knowledge.Proposal{BaseHash: release.Hash, ReleaseHash: release.Hash}, files, nil
	}
	var rows []shippedRow
	if err := tx.Where("hash IN ?", []string{d.ShippedHash, release.Hash}).Find(&rows).Error; err != nil {
		return knowledge.Proposal{}, files, err
	}
	var base *shippedRow
	dismissed := false
	for i := range rows {
		if rows[i].Hash == d.ShippedHash {
			base = &rows[i]
		}
		if rows[i].Hash == release.Hash && rows[i].DismissedAt != nil {
			dismissed = true
		}
	}
	if base == nil {
		return knowledge.Proposal{}, files, fmt.Errorf("%w: %q", ErrNoShipped, d.ShippedHash)
	}
	bf, err := decodeFiles(base.Files)
	if err != nil {
		return knowledge.Proposal{}, files, err
	}
	files[0] = bf
	baseSet, err := knowledge.Parse(bf)
	if err != nil {
		return knowledge.Proposal{}, files, fmt.Errorf("shipped knowledge %s: %w", base.Hash, err)
	}
	p, err := knowledge.Propose(baseSet, release, draft)
	p.Dismissed = dismissed
	return p, files, err
}

// ApplyProposal merges this release's proposal into the draft: every clean item takes the
// release's version, every conflict the version chosen by its key (knowledge.Choice; a
// conflict without a choice is knowledge.ErrChoiceNeeded). The proposal is computed again
// under the draft's lock, so it merges into the draft as it is, unpublished edits
// included. The draft then counts as started from this release's shipped knowledge, and
// the proposal is no longer offered; nothing is published until an editor publishes.
func (s *Store) ApplyProposal(ctx context.Context, author string, choices map[string]knowledge.Choice) (knowledge.Proposal, error) {
	var applied knowledge.Proposal
	err := s.editDraftRow(ctx, author, func(tx *gorm.DB, d draftRow, draft *knowledge.Set, files map[string][]byte) (map[string][]byte, map[string]any, error) {
		p, sf, err := s.propose(tx, d, draft)
		if err != nil {
			return nil, nil, err
		}
		applied = p
		base, release := sf[0], sf[1]
		out := maps.Clone(files)
		var cats []knowledge.ProposalItem
		for _, it := range p.Items {
			take, err := it.Take(choices)
			if err != nil {
				return nil, nil, fmt.Errorf("%w: %s", err, it.Key())
			}
			if !take {
				continue
			}
			switch it.Kind {
			case knowledge.KindRule:
				out, err = applyRule(out, release, it)
			case knowledge.KindCategory:
				cats = append(cats, it)
			}
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", it.Key(), err)
			}
		}
		if out, err = applyCategories(out, base, release, p, cats); err != nil {
			return nil, nil, err
		}
		return out, map[string]any{"shipped_hash": p.ReleaseHash}, nil
	})
	return applied, wrap("apply proposal", err)
}

// applyRule writes the release's version of a rule into files, or removes it.
func applyRule(files, release map[string][]byte, it knowledge.ProposalItem) (map[string][]byte, error) {
	_, _, _, ferr := findRule(files, it.ID)
	inDraft := ferr == nil
	if it.Change == knowledge.ItemRemoved {
		if !inDraft {
			return files, nil
		}
		return deleteRule(files, it.ID)
	}
	text := []byte(it.Release)
	if _, l, i, err := findRule(release, it.ID); err == nil {
		text = ruleText(l, l.items[i]) // as the release wrote it, comments included
	}
	r, err := knowledge.ParseRule(text)
	if err != nil {
		return nil, err
	}
	replace := ""
	if inDraft {
		replace = it.ID
	}
	return putRule(files, replace, r, text)
}

// categoriesFile is the file the shipped knowledge keeps its categories in.
const categoriesFile = "categories.yaml"

// applyCategories writes the release's version of the categories taken into files: the
// release's whole file when every changed category is taken and the editors never
// changed the file, else category by category.
func applyCategories(files, base, release map[string][]byte, p knowledge.Proposal, take []knowledge.ProposalItem) (map[string][]byte, error) {
	if len(take) == 0 {
		return files, nil
	}
	all := 0
	for _, it := range p.Items {
		if it.Kind == knowledge.KindCategory {
			all++
		}
	}
	if all == len(take) && bytes.Equal(files[categoriesFile], base[categoriesFile]) && release[categoriesFile] != nil {
		out := maps.Clone(files)
		out[categoriesFile] = bytes.Clone(release[categoriesFile])
		return out, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(files[categoriesFile], &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", categoriesFile, err)
	}
	seq := categoryList(&doc)
	if seq == nil {
		return nil, fmt.Errorf("%s: no categories list", categoriesFile)
	}
	var rel yaml.Node
	if err := yaml.Unmarshal(release[categoriesFile], &rel); err != nil {
		return nil, fmt.Errorf("release %s: %w", categoriesFile, err)
	}
	relSeq := categoryList(&rel)
	for _, it := range take {
		i := categoryIndex(seq, it.ID)
		if it.Change == knowledge.ItemRemoved {
			if i >= 0 {
				seq.Content = slices.Delete(seq.Content, i, i+1)
			}
			continue
		}
		j := -1
		if relSeq != nil {
			j = categoryIndex(relSeq, it.ID)
		}
		if j < 0 {
			return nil, fmt.Errorf("release %s: no category %s", categoriesFile, it.ID)
		}
		if i >= 0 {
			seq.Content[i] = relSeq.Content[j]
		} else {
			seq.Content = append(seq.Content, relSeq.Content[j])
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	out := maps.Clone(files)
	out[categoriesFile] = buf.Bytes()
	return out, nil
}

// categoryList returns the "categories" sequence of a knowledge file's document node.
func categoryList(doc *yaml.Node) *yaml.Node {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "categories" && m.Content[i+1].Kind == yaml.SequenceNode {
			return m.Content[i+1]
		}
	}
	return nil
}

// categoryIndex returns the index of the category with the id in seq, or -1.
func categoryIndex(seq *yaml.Node, id string) int {
	for i, n := range seq.Content {
		if n.Kind != yaml.MappingNode {
			continue
		}
		for k := 0; k+1 < len(n.Content); k += 2 {
			if n.Content[k].Value == "id" && n.Content[k+1].Value == id {
				return i
			}
		}
	}
	return -1
}

// DismissProposal records that an editor dismissed this release's proposal: it is not
// offered again until a release ships other knowledge. It returns the proposal dismissed.
func (s *Store) DismissProposal(ctx context.Context, author string) (knowledge.Proposal, error) {
	p, err := s.Proposal(ctx)
	if err != nil {
		return p, err
	}
	now := s.now().UTC()
	err = s.conn(ctx).Model(&shippedRow{}).Where("hash = ?", p.ReleaseHash).
		Updates(map[string]any{"dismissed_at": now, "dismissed_by": cut(author, maxAuthor)}).Error
	if err != nil {
		return p, wrap("dismiss proposal", err)
	}
	p.Dismissed = true
	return p, nil
}
