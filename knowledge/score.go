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
	// simWeight is what a perfect resemblance (cosine 1) adds to a rule's score, like a
	// keyword of six characters: a message that is nearly a sample of a rule finds it
	// without triggers, and a sample that only resembles itself still loses to another
	// rule's keyword plus some resemblance (the self-test relies on it). Tuned on the
	// development split of corpus/first_messages.jsonl: 3 to 7 score the same.
	simWeight = 5.0
)

// simScore is what a rule's similarity (see ruleSim.score) adds to its score.
func simScore(sim float64) float64 { return simWeight * sim }

func phraseWeight(chars, limit int) float64 {
	return weightBase + weightPerChar*float64(min(chars, limit))
}

// Match returns the rules the message describes, safety rules first, then by score
// (highest first), then by id. A rule is a candidate when one of its triggers occurs in the
// message, not denied ("不是漏水"), or when the message resembles its documents (see
// simIndex); and its condition holds for the case. Each match carries its Confidence.
func (m *Matcher) Match(q Query) []Match {
	n := Normalize(CanonMemo(q.Text))
	if q.Case.Model != "" {
		if model := Normalize(Canon(q.Case.Model)); len(model) >= 3 {
			n = strings.ReplaceAll(n, model, ",") // a model number's letters are no error code
		}
	}
	hits, mentioned, t := m.collect(n, q.Case.ErrorCode)
	var simBuf [16]ruleSim
	sims := m.sim.search(t, simBuf[:0])
	if len(hits) == 0 && len(sims) == 0 {
		return nil
	}
	cands := m.candidates(q, hits, sims, m.scoring(q, mentioned))
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
	return matches(cands, q.Limit, q.Category)
}

// scoring is what scoring a candidate needs to know of the query.
type scoring struct {
	hint       string // the category hint, if the set has the category
	hintReason string // "category " + hint
	mentioned  []bool // the categories the message names, by index
}

func (m *Matcher) scoring(q Query, mentioned []bool) scoring {
	sc := scoring{hint: q.Category, mentioned: mentioned}
	if sc.hint == "" {
		sc.hint = q.Case.Category
	}
	if i, ok := m.catIndex[sc.hint]; ok {
		sc.hintReason = m.catReasons[i].hint
	} else {
		sc.hint = ""
	}
	return sc
}

// candidates scores every rule that hit or resembles the message and whose condition
// holds. hits and sims are both taken in rule order, one rule at a time; hits are sorted
// in place.
func (m *Matcher) candidates(q Query, hits []hit, sims []ruleSim, sc scoring) []candidate {
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
	env := q.Case.env()
	cands := make([]candidate, 0, len(sims)+4)
	for i, k := 0, 0; i < len(hits) || k < len(sims); {
		rule := int32(math.MaxInt32)
		if i < len(hits) {
			rule = hits[i].rule
		}
		if k < len(sims) {
			rule = min(rule, sims[k].rule)
		}
		j := i
		for j < len(hits) && hits[j].rule == rule {
			j++
		}
		var sim ruleSim
		if k < len(sims) && sims[k].rule == rule {
			sim = sims[k]
			k++
		}
		if cr := &m.rules[rule]; q.ignoreConditions || holds(cr.cond, env) {
			cands = append(cands, m.score(cr.rule, hits[i:j], sim, sc))
		}
		i = j
	}
	return cands
}

// matches formats the first limit (0: all) of the ranked candidates, each with its
// confidence: its score against the best score of the other candidates. When the category
// is known, a rule of another category is no rival: "吸力变小了" about a range hood is not
// made doubtful by the robot vacuum's rule of the same words.
func matches(cands []candidate, limit int, category string) []Match {
	if len(cands) == 0 {
		return []Match{}
	}
	top, runnerUp := leader(cands, category)
	best := cands[top].score
	if limit > 0 && len(cands) > limit {
		cands = cands[:limit]
	}
	out := make([]Match, len(cands))
	for i, c := range cands {
		out[i] = c.match()
		rival := best
		if i == top {
			rival = runnerUp
		}
		out[i].Confidence = confidence(c.score, rival)
	}
	return out
}

// candidate is a rule that hit or resembles the message, scored; its reasons are formatted
// only if it is returned.
type candidate struct {
	rule     *Rule
	score    float64
	kept     []hit     // the hits that counted, strongest first
	similar  string    // `similar "…"`, the most similar document, if similarity counted
	sim      float64   // its cosine
	context  [2]string // category reasons (hint, mention), the first contexts of them
	contexts int
}

func (c candidate) match() Match {
	reasons := make([]string, 0, len(c.kept)+c.contexts+1)
	for _, h := range c.kept {
		reasons = append(reasons, h.reason)
	}
	if c.similar != "" {
		reasons = append(reasons, c.similar)
	}
	reasons = append(reasons, c.context[:c.contexts]...)
	return Match{RuleID: c.rule.ID, Title: c.rule.Title, Score: c.score, Similarity: c.sim,
		Reasons: reasons, Safety: c.rule.Safety, Rule: c.rule}
}

func (c *candidate) addContext(reason string) {
	c.context[c.contexts] = reason
	c.contexts++
}

// leader returns the index of the highest score (the first of equals) and the highest score
// of the other candidates (0 when there is none).
func leader(cands []candidate, category string) (top int, runnerUp float64) {
	for i, c := range cands {
		if c.score > cands[top].score {
			top = i
		}
	}
	for i, c := range cands {
		if category != "" && len(c.rule.Categories) > 0 && !slices.Contains(c.rule.Categories, category) {
			continue
		}
		if i != top && c.score > runnerUp {
			runnerUp = c.score
		}
	}
	return top, runnerUp
}

// score combines a rule's hits (sorted strongest first): the strongest counts fully, each
// further hit that neither repeats a trigger nor overlaps a counted one adds half its
// weight; its similarity adds simScore; then the category hint and the categories the
// message mentions scale the sum.
// The counted hits are moved to the front of hits.
func (m *Matcher) score(r *Rule, hits []hit, sim ruleSim, sc scoring) candidate {
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
	if sim.best > 0 {
		total += simScore(sim.score)
		c.similar, c.sim = m.sim.docReason[sim.doc], sim.best
	}

	factor := 1.0
	if sc.hint != "" {
		switch {
		case r.General():
			factor *= hintGeneral
			c.addContext("category any")
		case r.AppliesTo(sc.hint):
			factor *= hintBoost
			c.addContext(sc.hintReason)
		default:
			factor *= hintDemote
			c.addContext("other category")
		}
	}
	if sc.mentioned != nil && !r.General() {
		said := -1
		for i, ok := range sc.mentioned {
			if ok && r.AppliesTo(m.set.Categories[i].ID) {
				said = i
				break
			}
		}
		switch {
		case said >= 0:
			factor *= mentionBoost
			c.addContext(m.catReasons[said].mentions)
		case sc.hint == "":
			factor *= mentionDemote
		}
	}
	c.score = total * factor
	if math.IsNaN(c.score) || math.IsInf(c.score, 0) || c.score <= 0 {
		c.score = math.SmallestNonzeroFloat64
	}
	return c
}
