package knowledge

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Scoring weights; see doc.go.
const (
	weightCode       = 10.0
	weightBase       = 2.0
	weightPerChar    = 0.5
	maxWeightedChars = 12
	maxRegexChars    = 8
	synonymFactor    = 0.75
	extraHitFactor   = 0.5 // every hit after the strongest adds half its weight
	hintBoost        = 1.5
	hintGeneral      = 1.2
	hintDemote       = 0.5
	mentionBoost     = 1.3
	mentionDemote    = 0.7
	subsumedFactor   = 0.5 // a hit inside another rule's longer hit
	maxSubsumeHits   = 256
)

func phraseWeight(chars, limit int) float64 {
	return weightBase + weightPerChar*float64(min(chars, limit))
}

// Match returns the rules the message describes, safety rules first, then by score
// (highest first), then by id. A rule is a candidate only when one of its triggers occurs
// in the message, not denied ("不是漏水"), and its condition holds for the case.
func (m *Matcher) Match(q Query) []Match {
	n := Normalize(q.Text)
	if model := Normalize(q.Case.Model); len(model) >= 3 {
		n = strings.ReplaceAll(n, model, ",") // a model number's letters are no error code
	}
	hits, mentioned := m.collect(n, q.Case.ErrorCode)
	if len(hits) == 0 {
		return nil
	}
	hint := q.Category
	if hint == "" {
		hint = q.Case.Category
	}
	if _, ok := m.catIndex[hint]; !ok {
		hint = ""
	}
	env := q.Case.env()

	slices.SortFunc(hits, func(a, b hit) int {
		if a.rule != b.rule {
			return int(a.rule - b.rule)
		}
		if a.weight != b.weight {
			if a.weight > b.weight {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.start, b.start), strings.Compare(a.reason, b.reason))
	})
	var cands []candidate
	for i := 0; i < len(hits); {
		j := i
		for j < len(hits) && hits[j].rule == hits[i].rule {
			j++
		}
		cr := &m.rules[hits[i].rule]
		if q.ignoreConditions || holds(cr.cond, env) {
			cands = append(cands, m.score(cr.rule, hits[i:j], hint, mentioned))
		}
		i = j
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.rule.Safety != b.rule.Safety {
			if a.rule.Safety {
				return -1
			}
			return 1
		}
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.rule.ID, b.rule.ID)
	})
	if q.Limit > 0 && len(cands) > q.Limit {
		cands = cands[:q.Limit]
	}
	out := make([]Match, len(cands))
	for i, c := range cands {
		out[i] = c.match()
	}
	return out
}

// candidate is a rule that hit, scored; its reasons are formatted only if it is returned.
type candidate struct {
	rule    *Rule
	score   float64
	kept    []hit    // the hits that counted, strongest first
	context []string // category reasons
}

func (c candidate) match() Match {
	reasons := make([]string, 0, len(c.kept)+len(c.context))
	for _, h := range c.kept {
		reasons = append(reasons, h.reason)
	}
	reasons = append(reasons, c.context...)
	return Match{RuleID: c.rule.ID, Title: c.rule.Title, Score: c.score, Reasons: reasons, Safety: c.rule.Safety, Rule: c.rule}
}

// score combines a rule's hits (sorted strongest first): the strongest counts fully, each
// further hit that neither repeats a trigger nor overlaps a counted one adds half its
// weight; then the category hint and the categories the message mentions scale the sum.
// The counted hits are moved to the front of hits.
func (m *Matcher) score(r *Rule, hits []hit, hint string, mentioned []bool) candidate {
	n := 0
	total := 0.0
	for _, h := range hits {
		if slices.ContainsFunc(hits[:n], func(k hit) bool { return k.reason == h.reason || overlaps(k, h) }) {
			continue
		}
		if n == 0 {
			total = h.weight
		} else {
			total += extraHitFactor * h.weight
		}
		hits[n] = h
		n++
	}
	c := candidate{rule: r, kept: hits[:n]}

	factor := 1.0
	if hint != "" {
		switch {
		case r.General():
			factor *= hintGeneral
			c.context = append(c.context, "category any")
		case r.AppliesTo(hint):
			factor *= hintBoost
			c.context = append(c.context, "category "+hint)
		default:
			factor *= hintDemote
			c.context = append(c.context, "other category")
		}
	}
	if mentioned != nil && !r.General() {
		said := ""
		for i, ok := range mentioned {
			if ok && r.AppliesTo(m.set.Categories[i].ID) {
				said = m.set.Categories[i].ID
				break
			}
		}
		switch {
		case said != "":
			factor *= mentionBoost
			c.context = append(c.context, "mentions "+said)
		case hint == "":
			factor *= mentionDemote
		}
	}
	c.score = total * factor
	if math.IsNaN(c.score) || math.IsInf(c.score, 0) || c.score <= 0 {
		c.score = math.SmallestNonzeroFloat64
	}
	return c
}
