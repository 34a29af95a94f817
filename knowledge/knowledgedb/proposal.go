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
		var listed []knowledge.ProposalItem // categories and FAQ entries
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
			default:
				listed = append(listed, it)
			}
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", it.Key(), err)
			}
		}
		if out, err = applyListed(out, base, release, listed); err != nil {
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

// applyListed writes the release's version of the categories and FAQ entries taken into
// files. A file holding such items that the editors never changed (as base has it)
// becomes the release's file whole, keeping its layout; the items are then written one
// by one, as YAML nodes, into the file that holds them (or the file the release has them
// in), replacing, appending or removing; writing an item already as the release has it
// changes nothing.
func applyListed(files, base, release map[string][]byte, take []knowledge.ProposalItem) (map[string][]byte, error) {
	if len(take) == 0 {
		return files, nil
	}
	out := maps.Clone(files)
	for _, it := range take {
		for _, name := range []string{fileOf(base, it), fileOf(release, it)} {
			if name == "" || !bytes.Equal(out[name], base[name]) {
				continue
			}
			if b, ok := release[name]; ok {
				out[name] = bytes.Clone(b)
			} else {
				delete(out, name)
			}
		}
	}
	for _, it := range take {
		var err error
		if out, err = applyListItem(out, release, it); err != nil {
			return nil, fmt.Errorf("%s: %w", it.Key(), err)
		}
	}
	return out, nil
}

// fileOf returns the file of files whose list holds the item, or "".
func fileOf(files map[string][]byte, it knowledge.ProposalItem) string {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !bytes.Contains(files[name], []byte(it.ID)) {
			continue
		}
		var doc yaml.Node
		if yaml.Unmarshal(files[name], &doc) != nil {
			continue
		}
		if seq := listNode(&doc, it.Kind.ListKey()); seq != nil && itemIndex(seq, it.ID) >= 0 {
			return name
		}
	}
	return ""
}

// applyListItem writes one item's release version into files, or removes it.
func applyListItem(files, release map[string][]byte, it knowledge.ProposalItem) (map[string][]byte, error) {
	key := it.Kind.ListKey()
	name := fileOf(files, it)
	var node *yaml.Node
	if it.Change != knowledge.ItemRemoved {
		rname := fileOf(release, it)
		if rname == "" {
			return nil, fmt.Errorf("the release has no %s %s", key, it.ID)
		}
		var rel yaml.Node
		if err := yaml.Unmarshal(release[rname], &rel); err != nil {
			return nil, err
		}
		seq := listNode(&rel, key)
		node = seq.Content[itemIndex(seq, it.ID)]
		if name == "" {
			name = rname
		}
	}
	if name == "" {
		return files, nil // removed, and already gone
	}
	var doc yaml.Node
	if len(bytes.TrimSpace(files[name])) > 0 {
		if err := yaml.Unmarshal(files[name], &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	seq := listNode(&doc, key)
	if seq == nil {
		if doc.Content[0].Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s: not a mapping", name)
		}
		seq = &yaml.Node{Kind: yaml.SequenceNode}
		doc.Content[0].Content = append(doc.Content[0].Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, seq)
	}
	i := itemIndex(seq, it.ID)
	switch {
	case node == nil && i >= 0:
		seq.Content = slices.Delete(seq.Content, i, i+1)
	case node == nil:
		return files, nil
	case i >= 0:
		seq.Content[i] = node
	default:
		seq.Content = append(seq.Content, node)
		seq.Style = 0 // "faq: []" becomes a block list
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	out := maps.Clone(files)
	out[name] = buf.Bytes()
	return out, nil
}

// listNode returns the sequence under key of a knowledge file's document node, or nil.
func listNode(doc *yaml.Node, key string) *yaml.Node {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
			return m.Content[i+1]
		}
	}
	return nil
}

// itemIndex returns the index of the mapping with the id in seq, or -1.
func itemIndex(seq *yaml.Node, id string) int {
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
