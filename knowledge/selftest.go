package knowledge

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wxintake/intake/catalog"
)

// Accuracy counts how many samples ranked their own rule first and within the first three.
type Accuracy struct {
	Total, Top1, Top3 int
}

// Top1Rate is the share of samples whose rule ranked first (1 when there are none).
func (a Accuracy) Top1Rate() float64 { return rate(a.Top1, a.Total) }

// Top3Rate is the share of samples whose rule ranked in the first three.
func (a Accuracy) Top3Rate() float64 { return rate(a.Top3, a.Total) }

func rate(n, total int) float64 {
	if total == 0 {
		return 1
	}
	return float64(n) / float64(total)
}

// Report is the result of SelfTest: every rule's samples matched against the whole set.
type Report struct {
	// Accuracy counts the samples matched with no category hint, as a first message is.
	Accuracy
	// Hinted counts the same samples matched with the rule's first category as the hint
	// (general rules: no hint), as a message arriving once the category is known.
	Hinted Accuracy
	// Failures lists every sample whose rule did not rank first, in either mode.
	Failures []Failure
	// Overlaps lists phrases that trigger more than one rule of a common category; they are
	// not failures, but often the cause of one.
	Overlaps []Overlap
	// Err is set when the set's matcher could not be built; nothing was tested.
	Err error
}

// Failure is a sample whose rule did not rank first.
type Failure struct {
	RuleID string
	Sample string
	// Hint is the category hint used ("" without).
	Hint string
	// Rank is the rule's 1-based rank, 0 when it did not match at all.
	Rank int
	// Got are the first three matches.
	Got []Ranked
}

// Ranked is a rule in a failure's ranking.
type Ranked struct {
	RuleID  string
	Score   float64
	Reasons []string
}

// Overlap is a trigger phrase shared by rules that can compete for the same message.
type Overlap struct {
	Phrase  string
	RuleIDs []string
}

// Passed reports whether every sample ranked its own rule first, with and without hint.
func (r Report) Passed() bool {
	return r.Err == nil && r.Top1 == r.Total && r.Hinted.Top1 == r.Hinted.Total
}

// SelfTest matches every sample of every rule against the whole set, once without a
// category hint and once with the rule's first category, and checks that the rule ranks
// first. Conditions are not evaluated: samples carry no case facts.
func SelfTest(set *Set) Report {
	var rep Report
	m, err := NewMatcher(set)
	if err != nil {
		rep.Err = err
		return rep
	}
	for i := range set.Rules {
		r := &set.Rules[i]
		hint := ""
		if len(r.Categories) > 0 {
			hint = r.Categories[0]
		}
		for _, sample := range r.Samples {
			rep.Accuracy.add(&rep, m, r.ID, sample, "")
			rep.Hinted.add(&rep, m, r.ID, sample, hint)
		}
	}
	rep.Overlaps = findOverlaps(set)
	return rep
}

func (a *Accuracy) add(rep *Report, m *Matcher, ruleID, sample, hint string) {
	ms := m.Match(Query{Text: sample, Category: hint, Case: CaseFacts{AgeMonths: UnknownAge}, ignoreConditions: true})
	rank := slices.IndexFunc(ms, func(x Match) bool { return x.RuleID == ruleID }) + 1
	a.Total++
	if rank == 1 {
		a.Top1++
	}
	if rank >= 1 && rank <= 3 {
		a.Top3++
	}
	if rank == 1 {
		return
	}
	f := Failure{RuleID: ruleID, Sample: sample, Hint: hint, Rank: rank}
	for _, x := range ms[:min(3, len(ms))] {
		f.Got = append(f.Got, Ranked{RuleID: x.RuleID, Score: x.Score, Reasons: x.Reasons})
	}
	rep.Failures = append(rep.Failures, f)
}

// findOverlaps finds keywords and synonyms shared by rules whose categories intersect (a
// general rule intersects every category).
func findOverlaps(set *Set) []Overlap {
	byPhrase := map[string][]*Rule{}
	var order []string
	for i := range set.Rules {
		r := &set.Rules[i]
		seen := map[string]bool{}
		for _, p := range slices.Concat(r.Triggers.Keywords, r.Triggers.Synonyms) {
			n := Normalize(p)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			if byPhrase[n] == nil {
				order = append(order, n)
			}
			byPhrase[n] = append(byPhrase[n], r)
		}
	}
	var out []Overlap
	for _, p := range order {
		rules := byPhrase[p]
		var ids []string
		for i, a := range rules {
			for _, b := range rules[i+1:] {
				if compete(a, b) {
					ids = append(ids, a.ID, b.ID)
				}
			}
		}
		if len(ids) > 0 {
			slices.Sort(ids)
			out = append(out, Overlap{Phrase: p, RuleIDs: slices.Compact(ids)})
		}
	}
	return out
}

func compete(a, b *Rule) bool {
	if a.General() || b.General() {
		return true
	}
	return slices.ContainsFunc(a.Categories, b.AppliesTo)
}

// WriteText prints the report for people (the "intake kb test" command): the accuracy in
// both modes, every failure with the ranking it got, and the overlapping phrases.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Err != nil {
		b.WriteString(catalog.T("knowledge.report.error", "error", r.Err) + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	for _, mode := range []struct {
		key string
		a   Accuracy
	}{{"knowledge.report.plain", r.Accuracy}, {"knowledge.report.hinted", r.Hinted}} {
		b.WriteString(catalog.T(mode.key,
			"total", mode.a.Total,
			"top1", mode.a.Top1, "top1pct", fmt.Sprintf("%.1f%%", 100*mode.a.Top1Rate()),
			"top3", mode.a.Top3, "top3pct", fmt.Sprintf("%.1f%%", 100*mode.a.Top3Rate())) + "\n")
	}
	for _, f := range r.Failures {
		hint := f.Hint
		if hint == "" {
			hint = "-"
		}
		rank := "-"
		if f.Rank > 0 {
			rank = fmt.Sprint(f.Rank)
		}
		b.WriteString(catalog.T("knowledge.report.failure", "rule", f.RuleID, "sample", f.Sample, "hint", hint, "rank", rank) + "\n")
		for i, g := range f.Got {
			fmt.Fprintf(&b, "    %d. %s %.2f  %s\n", i+1, g.RuleID, g.Score, strings.Join(g.Reasons, ", "))
		}
	}
	for _, o := range r.Overlaps {
		b.WriteString(catalog.T("knowledge.report.overlap", "phrase", o.Phrase, "rules", strings.Join(o.RuleIDs, ", ")) + "\n")
	}
	if r.Passed() {
		b.WriteString(catalog.T("knowledge.report.passed") + "\n")
	} else {
		b.WriteString(catalog.T("knowledge.report.failed", "count", len(r.Failures)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
