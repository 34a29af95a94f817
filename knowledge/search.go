package knowledge

import (
	"slices"
	"strings"
)

// Matches reports whether the rule fits an editor's search: q (already passed through
// Normalize) in its id, title, triggers or samples, and category ("general": the rules for
// any category; empty: any).
func (r *Rule) Matches(q, category string) bool {
	switch {
	case category == "general" && !r.General():
		return false
	case category != "" && category != "general" && !slices.Contains(r.Categories, category):
		return false
	case q == "":
		return true
	}
	texts := slices.Concat([]string{r.ID, r.Title}, r.Triggers.Keywords, r.Triggers.Synonyms, r.Triggers.ErrorCodes, r.Samples)
	return slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(Normalize(t), q) })
}
