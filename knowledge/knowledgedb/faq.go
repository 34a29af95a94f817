package knowledgedb

import (
	"context"
	"fmt"

	"github.com/wxintake/intake/knowledge"
)

// PutFAQ writes one FAQ entry into the draft: in place of the entry replaceID, or as a
// new entry in knowledge.FAQFile when replaceID is "". The whole draft must validate (a
// *knowledge.ValidationError otherwise); a replaceID the draft lacks is knowledge.ErrNoFAQ.
func (s *Store) PutFAQ(ctx context.Context, author, replaceID string, e knowledge.FAQ) error {
	err := s.editDraft(ctx, author, func(draft *knowledge.Set, files map[string][]byte) (map[string][]byte, error) {
		if replaceID != "" && draft.FAQEntry(replaceID) == nil {
			return nil, fmt.Errorf("%w: %s", knowledge.ErrNoFAQ, replaceID)
		}
		return knowledge.PutFAQ(files, replaceID, e)
	})
	return wrap("put faq", err)
}

// DeleteFAQ removes the FAQ entry with the id from the draft.
func (s *Store) DeleteFAQ(ctx context.Context, author, id string) error {
	err := s.editDraft(ctx, author, func(draft *knowledge.Set, files map[string][]byte) (map[string][]byte, error) {
		if draft.FAQEntry(id) == nil {
			return nil, fmt.Errorf("%w: %s", knowledge.ErrNoFAQ, id)
		}
		return knowledge.DeleteFAQ(files, id)
	})
	return wrap("delete faq", err)
}
