package knowledge

import (
	"bytes"
	"errors"
	"slices"

	"gopkg.in/yaml.v3"
)

// A release of the binary ships its own knowledge. A database that already holds
// published revisions keeps serving them at upgrade; what the release changed in the
// shipped knowledge is offered to the editors as a Proposal: a three-way comparison of
// the shipped knowledge the editors' work started from (base), the knowledge this
// release ships, and the editors' draft (ours). Items the editors never touched take the
// release's change cleanly; items both changed are conflicts the editor decides one by
// one. Nothing is applied until an editor applies the proposal to the draft and publishes.

// ItemKind is the kind of an item of the knowledge a proposal compares.
type ItemKind string

// The item kinds.
const (
	KindRule     ItemKind = "rule"
	KindCategory ItemKind = "category"
	KindFAQ      ItemKind = "faq"
)

// ListKey is the key of the YAML list that holds items of the kind in a knowledge file
// ("rules", "categories", "faq").
func (k ItemKind) ListKey() string {
	switch k {
	case KindRule:
		return "rules"
	case KindCategory:
		return "categories"
	}
	return string(k)
}

// Item is one rule, category or FAQ entry, identified by kind and id, as canonical YAML text.
type Item struct {
	Kind  ItemKind `json:"kind"`
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Text  []byte   `json:"-"`
}

// Key identifies the item across sets: "rule:<id>".
func (it Item) Key() string { return string(it.Kind) + ":" + it.ID }

// Items lists the categories, FAQ entries and rules of s as canonical text, so two versions of an item
// compare equal when they mean the same whatever their comments and layout.
func (s *Set) Items() ([]Item, error) {
	var out []Item
	for _, c := range s.Categories {
		b, err := yaml.Marshal(c)
		if err != nil {
			return nil, err
		}
		out = append(out, Item{Kind: KindCategory, ID: c.ID, Title: c.Name, Text: b})
	}
	for _, f := range s.FAQ {
		b, err := yaml.Marshal(f)
		if err != nil {
			return nil, err
		}
		out = append(out, Item{Kind: KindFAQ, ID: f.ID, Title: f.Title, Text: b})
	}
	for _, r := range s.Rules {
		b, err := MarshalRule(r)
		if err != nil {
			return nil, err
		}
		out = append(out, Item{Kind: KindRule, ID: r.ID, Title: r.Title, Text: b})
	}
	return out, nil
}

// ItemChange is what a release did to an item.
type ItemChange string

// The item changes.
const (
	ItemAdded   ItemChange = "added"
	ItemChanged ItemChange = "changed"
	ItemRemoved ItemChange = "removed"
)

// ProposalItem is one item the release changed.
type ProposalItem struct {
	Kind   ItemKind   `json:"kind"`
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Change ItemChange `json:"change"`
	// Conflict is set when the editors changed the item too (in the published revisions
	// or the draft): the editor chooses ChoiceRelease or ChoiceOurs.
	Conflict bool `json:"conflict"`
	// Base, Release and Ours are the item's canonical text in the shipped knowledge the
	// editors started from, in this release and in the draft; "" where it is absent.
	Base    string `json:"base"`
	Release string `json:"release"`
	Ours    string `json:"ours"`
	// Diff is the release's change (base → release); OursDiff what taking the release
	// would do to the draft (ours → release), for conflicts.
	Diff     []Hunk `json:"diff"`
	OursDiff []Hunk `json:"ours_diff,omitempty"`
}

// Key identifies the item: "rule:<id>".
func (p ProposalItem) Key() string { return string(p.Kind) + ":" + p.ID }

// Choice is an editor's decision on a conflicting item.
type Choice string

// The choices.
const (
	ChoiceRelease Choice = "release" // take the release's version
	ChoiceOurs    Choice = "ours"    // keep the editors' version
)

// Proposal is what a release changed in the shipped knowledge, against the editors' draft.
type Proposal struct {
	// BaseHash is the Hash of the shipped knowledge the draft started from; ReleaseHash
	// that of the knowledge this binary ships.
	BaseHash    string `json:"base_hash"`
	ReleaseHash string `json:"release_hash"`
	// Items are the release's changes: categories, FAQ entries, then rules, by id.
	Items []ProposalItem `json:"items"`
	// Dismissed is set when an editor dismissed this release's proposal.
	Dismissed bool `json:"dismissed"`
	// DraftChanged is set when the draft has unpublished changes, into which applying merges.
	DraftChanged bool `json:"draft_changed"`
}

// Pending reports whether the proposal should be offered: it has items and was not dismissed.
func (p Proposal) Pending() bool { return len(p.Items) > 0 && !p.Dismissed }

// Counts returns how many items apply cleanly and how many conflict.
func (p Proposal) Counts() (clean, conflicts int) {
	for _, it := range p.Items {
		if it.Conflict {
			conflicts++
		} else {
			clean++
		}
	}
	return clean, conflicts
}

// ErrChoiceNeeded: a conflicting item was applied without a choice for it.
var ErrChoiceNeeded = errors.New("knowledge: choose the release's or our version of every conflicting item")

// Propose compares three versions of the knowledge: base, the shipped knowledge the
// editors' work started from; release, the knowledge this binary ships; ours, the draft.
// Items the release left as in base are not listed; nor are those the editors already
// made as the release has them.
func Propose(base, release, ours *Set) (Proposal, error) {
	p := Proposal{BaseHash: base.Hash, ReleaseHash: release.Hash}
	if base.Hash == release.Hash {
		return p, nil
	}
	b, err := itemMap(base)
	if err != nil {
		return p, err
	}
	r, err := itemMap(release)
	if err != nil {
		return p, err
	}
	o, err := itemMap(ours)
	if err != nil {
		return p, err
	}
	keys := make([]string, 0, len(b)+len(r))
	for k := range b {
		keys = append(keys, k)
	}
	for k := range r {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // "category:", "faq:", then "rule:"
	for _, k := range keys {
		bi, inB := b[k]
		ri, inR := r[k]
		oi, inO := o[k]
		if inB && inR && bytes.Equal(bi.Text, ri.Text) {
			continue // the release did not change it
		}
		if inR == inO && (!inR || bytes.Equal(ri.Text, oi.Text)) {
			continue // the editors already have it as the release does
		}
		it := ri
		if !inR {
			it = bi
		}
		item := ProposalItem{Kind: it.Kind, ID: it.ID, Title: it.Title, Change: ItemChanged,
			Base: string(bi.Text), Release: string(ri.Text), Ours: string(oi.Text)}
		switch {
		case !inB:
			item.Change = ItemAdded
		case !inR:
			item.Change = ItemRemoved
		}
		// Clean when the editors have the item exactly as base had it (absent included).
		item.Conflict = inB != inO || (inB && !bytes.Equal(bi.Text, oi.Text))
		item.Diff = hunks(splitLines(bi.Text), splitLines(ri.Text), DiffContext)
		if item.Conflict {
			item.OursDiff = hunks(splitLines(oi.Text), splitLines(ri.Text), DiffContext)
		}
		if item.Title == "" && inO {
			item.Title = oi.Title
		}
		p.Items = append(p.Items, item)
	}
	return p, nil
}

func itemMap(s *Set) (map[string]Item, error) {
	items, err := s.Items()
	if err != nil {
		return nil, err
	}
	m := make(map[string]Item, len(items))
	for _, it := range items {
		if _, dup := m[it.Key()]; !dup {
			m[it.Key()] = it
		}
	}
	return m, nil
}

// Take reports whether applying the proposal takes the release's version of item, given
// the editor's choices by item key: clean items are always taken, conflicts as chosen.
func (p ProposalItem) Take(choices map[string]Choice) (bool, error) {
	if !p.Conflict {
		return true, nil
	}
	switch choices[p.Key()] {
	case ChoiceRelease:
		return true, nil
	case ChoiceOurs:
		return false, nil
	}
	return false, ErrChoiceNeeded
}
