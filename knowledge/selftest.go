package knowledge

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	// HeldOut counts the samples matched, with no hint, by a matcher whose similarity index
	// leaves out the sample's fold (see SelfTestFolds): how the knowledge does on phrasing
	// it has not seen. Triggers are all kept.
	HeldOut Accuracy
	// HeldOutHinted counts the same with the category hint.
	HeldOutHinted Accuracy
	// ByCategory splits HeldOut and HeldOutHinted by the rule's first category (general
	// rules under "general"), in the set's category order, general last.
	ByCategory []CategoryAccuracy
	// Unseen lists the samples whose rule did not rank first held out, with no hint. They
	// are warnings, not failures: the phrasing is known only from the sample itself.
	Unseen []Failure
	// Overlaps lists phrases that trigger more than one rule of a common category; they are
	// not failures, but often the cause of one.
	Overlaps []Overlap
	// FAQ lists the FAQ samples that do not find their own entry or read as a hazard, and
	// the rule samples an FAQ entry takes (see faqSelfTest); any fails the test.
	FAQ []FAQFailure
	// FAQSamples counts the FAQ samples tested.
	FAQSamples int
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

// CategoryAccuracy is the held-out accuracy of one category's rules.
type CategoryAccuracy struct {
	// Category is the category id, or "general".
	Category string
	// Name is the category's name ("空调"), or the catalog's word for general rules.
	Name string
	// HeldOut and Hinted count the samples held out, without and with the category hint.
	HeldOut, Hinted Accuracy
}

// Overlap is a trigger phrase shared by rules that can compete for the same message.
type Overlap struct {
	Phrase  string
	RuleIDs []string
}

// Passed reports whether every sample ranked its own rule first, with and without hint,
// when matched with itself indexed. Held-out misses (Unseen) do not fail the test: a sample
// that loses to another rule even with itself indexed contradicts the knowledge, one that
// is found only by itself merely says the rule needs more samples or phrases.
func (r Report) Passed() bool {
	return r.Err == nil && r.Top1 == r.Total && r.Hinted.Top1 == r.Hinted.Total && len(r.FAQ) == 0
}

// SelfTestFolds is the number of folds of the held-out self-test: sample j of every rule is
// in fold j mod SelfTestFolds, and is matched by a matcher whose similarity index leaves that
// fold's samples out.
const SelfTestFolds = 5

// generalCategory names general rules in ByCategory.
const generalCategory = "general"

// SelfTest matches every sample of every rule against the whole set, once without a
// category hint and once with the rule's first category, and checks that the rule ranks
// first. Then it matches every sample again with its fold left out of the similarity index
// (see SelfTestFolds) and counts how often the rule still ranks first and in the first
// three. Conditions are not evaluated: samples carry no case facts.
func SelfTest(set *Set) Report { return selfTest(set, true) }

// selfTest is SelfTest in full (both rankings and the held-out figures), or the publish
// gate's part of it: every sample ranked without a category hint, in a fraction of the time.
func selfTest(set *Set, full bool) Report {
	heldOut := full
	var rep Report
	m, err := NewMatcher(set)
	if err != nil {
		rep.Err = err
		return rep
	}
	// Every sample is matched twice (without and with its category hint), the matches
	// spread over the CPUs: a publish waits for this gate.
	type probe struct {
		rule         *Rule
		sample, hint string
		ms           []Match
	}
	var probes []probe
	for i := range set.Rules {
		r := &set.Rules[i]
		hint := ruleHint(r)
		for _, sample := range r.Samples {
			probes = append(probes, probe{rule: r, sample: sample})
			if full {
				probes = append(probes, probe{rule: r, sample: sample, hint: hint})
			}
		}
	}
	parallel(len(probes), func(i int) {
		p := &probes[i]
		p.ms = m.Match(Query{Text: p.sample, Category: p.hint, Case: CaseFacts{AgeMonths: UnknownAge}, ignoreConditions: true})
	})
	for i := range probes {
		p := &probes[i]
		a := &rep.Accuracy
		if p.hint != "" || full && i%2 == 1 {
			a = &rep.Hinted
		}
		a.ranked(&rep.Failures, p.ms, p.rule.ID, p.sample, p.hint)
	}
	if heldOut {
		rep.heldOut(set, m)
	}
	rep.Overlaps = findOverlaps(set)
	rep.FAQ = faqSelfTest(set, m)
	for i := range set.FAQ {
		rep.FAQSamples += len(set.FAQ[i].Samples)
	}
	return rep
}

// heldOut fills the held-out figures: each sample is matched by a matcher sharing m's
// triggers whose similarity index leaves out the sample's fold.
func (rep *Report) heldOut(set *Set, m *Matcher) {
	cats := make(map[string]int) // category id → index in ByCategory
	for _, c := range set.Categories {
		cats[c.ID] = len(rep.ByCategory)
		rep.ByCategory = append(rep.ByCategory, CategoryAccuracy{Category: c.ID, Name: c.Name})
	}
	cats[generalCategory] = len(rep.ByCategory)
	rep.ByCategory = append(rep.ByCategory, CategoryAccuracy{Category: generalCategory, Name: catalog.T("knowledge.report.general")})
	var held [SelfTestFolds]*Matcher
	for fold := range held {
		held[fold] = m.withSimilarity(buildSimIndex(set, func(_, sample int) bool { return sample%SelfTestFolds != fold }))
	}
	for i := range set.Rules {
		r := &set.Rules[i]
		hint, cat := ruleHint(r), generalCategory
		if hint != "" {
			cat = hint
		}
		k, ok := cats[cat]
		if !ok { // an unknown category: SelfTest does not require a valid set
			k = len(rep.ByCategory)
			cats[cat] = k
			rep.ByCategory = append(rep.ByCategory, CategoryAccuracy{Category: cat, Name: cat})
		}
		c := &rep.ByCategory[k]
		for j, sample := range r.Samples {
			hm := held[j%SelfTestFolds]
			c.HeldOut.count(rep.HeldOut.add(&rep.Unseen, hm, r.ID, sample, ""))
			c.Hinted.count(rep.HeldOutHinted.add(nil, hm, r.ID, sample, hint))
		}
	}
	rep.ByCategory = slices.DeleteFunc(rep.ByCategory, func(c CategoryAccuracy) bool { return c.HeldOut.Total == 0 })
}

// ruleHint is the category hint a rule's samples are tested with: its first category, or
// none for a general rule.
func ruleHint(r *Rule) string {
	if len(r.Categories) > 0 {
		return r.Categories[0]
	}
	return ""
}

// add matches a sample and counts the rank of its rule; a sample not ranked first is added
// to failures (when not nil). It returns the rank (1-based; 0: not matched).
func (a *Accuracy) add(failures *[]Failure, m *Matcher, ruleID, sample, hint string) int {
	ms := m.Match(Query{Text: sample, Category: hint, Case: CaseFacts{AgeMonths: UnknownAge}, ignoreConditions: true})
	return a.ranked(failures, ms, ruleID, sample, hint)
}

// parallel runs f(0) … f(n-1) on every CPU.
func parallel(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// ranked counts where ruleID ranks in ms, and records a failure when it is not first.
func (a *Accuracy) ranked(failures *[]Failure, ms []Match, ruleID, sample, hint string) int {
	rank := slices.IndexFunc(ms, func(x Match) bool { return x.RuleID == ruleID }) + 1
	a.count(rank)
	if rank == 1 || failures == nil {
		return rank
	}
	f := Failure{RuleID: ruleID, Sample: sample, Hint: hint, Rank: rank}
	for _, x := range ms[:min(3, len(ms))] {
		f.Got = append(f.Got, Ranked{RuleID: x.RuleID, Score: x.Score, Reasons: x.Reasons})
	}
	*failures = append(*failures, f)
	return rank
}

// count adds one sample whose rule ranked rank (0: not at all).
func (a *Accuracy) count(rank int) {
	a.Total++
	if rank == 1 {
		a.Top1++
	}
	if rank >= 1 && rank <= 3 {
		a.Top3++
	}
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
// both modes, every failure with the ranking it got, the held-out accuracy overall and by
// category, the samples found only by themselves (warnings), and the overlapping phrases.
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
		b.WriteString(catalog.T(mode.key, accuracyArgs(mode.a)...) + "\n")
	}
	for _, f := range r.Failures {
		writeFailure(&b, "knowledge.report.failure", f)
	}
	r.writeHeldOut(&b)
	if r.FAQSamples > 0 {
		b.WriteString(catalog.T("knowledge.report.faq", "total", r.FAQSamples, "failed", len(r.FAQ)) + "\n")
	}
	for _, f := range r.FAQ {
		b.WriteString(f.Text() + "\n")
	}
	for _, o := range r.Overlaps {
		b.WriteString(catalog.T("knowledge.report.overlap", "phrase", o.Phrase, "rules", strings.Join(o.RuleIDs, ", ")) + "\n")
	}
	if r.Passed() {
		b.WriteString(catalog.T("knowledge.report.passed") + "\n")
	} else {
		b.WriteString(catalog.T("knowledge.report.failed", "count", len(r.Failures)+len(r.FAQ)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeHeldOut prints the held-out accuracy, overall and by category, and the samples found
// only with themselves indexed.
func (r Report) writeHeldOut(b *strings.Builder) {
	if r.HeldOut.Total == 0 {
		return // not run (the publish gate)
	}
	for _, mode := range []struct {
		key string
		a   Accuracy
	}{{"knowledge.report.heldout.plain", r.HeldOut}, {"knowledge.report.heldout.hinted", r.HeldOutHinted}} {
		b.WriteString(catalog.T(mode.key, append(accuracyArgs(mode.a), "folds", SelfTestFolds)...) + "\n")
	}
	for _, c := range r.ByCategory {
		b.WriteString(catalog.T("knowledge.report.heldout.category", "category", c.Name, "id", c.Category,
			"total", c.HeldOut.Total, "top1pct", percent(c.HeldOut.Top1Rate()), "top3pct", percent(c.HeldOut.Top3Rate()),
			"htop1pct", percent(c.Hinted.Top1Rate()), "htop3pct", percent(c.Hinted.Top3Rate())) + "\n")
	}
	for _, f := range r.Unseen {
		writeFailure(b, "knowledge.report.heldout.miss", f)
	}
}

// accuracyArgs are the catalog arguments of an accuracy line.
func accuracyArgs(a Accuracy) []any {
	return []any{"total", a.Total,
		"top1", a.Top1, "top1pct", percent(a.Top1Rate()),
		"top3", a.Top3, "top3pct", percent(a.Top3Rate())}
}

func percent(rate float64) string { return fmt.Sprintf("%.1f%%", 100*rate) }

// writeFailure prints a sample whose rule did not rank first, with the ranking it got.
func writeFailure(b *strings.Builder, key string, f Failure) {
	hint := f.Hint
	if hint == "" {
		hint = "-"
	}
	rank := "-"
	if f.Rank > 0 {
		rank = fmt.Sprint(f.Rank)
	}
	b.WriteString(catalog.T(key, "rule", f.RuleID, "sample", f.Sample, "hint", hint, "rank", rank) + "\n")
	for i, g := range f.Got {
		fmt.Fprintf(b, "    %d. %s %.2f  %s\n", i+1, g.RuleID, g.Score, strings.Join(g.Reasons, ", "))
	}
}
