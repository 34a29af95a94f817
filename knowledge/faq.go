package knowledge

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/wxintake/intake/catalog"
)

// FAQ is one answer editors maintain beside the rules: a question customers ask that is
// no fault ("外机滴水正常吗", "几点上班", "型号在哪看"), recognised from its sample questions
// and answered with a fixed text. FAQ entries live in the same files, revisions, drafts
// and publish gate as rules, under an "faq:" list.
type FAQ struct {
	// ID is unique across the set's FAQ entries ([a-z0-9-]+) and distinct from every rule id.
	ID string `yaml:"id"`
	// Title names the question for editors, e.g. "空调外机滴水是否正常".
	Title string `yaml:"title"`
	// Categories are the category ids the entry answers for; empty means any category.
	Categories []string `yaml:"categories,flow,omitempty"`
	// Normal marks an "is this normal?" answer: never given to a message that reads as a
	// hazard (smoke, a burning smell, sparks): the hazard path wins.
	Normal bool `yaml:"normal,omitempty"`
	// Keywords are optional phrases that point strongly at the entry.
	Keywords []string `yaml:"keywords,flow,omitempty"`
	// Answer is the reply, in Simplified Chinese.
	Answer string `yaml:"answer"`
	// Image is an optional picture URL sent with the answer (where the label is).
	Image string `yaml:"image,omitempty"`
	// Samples are questions in customers' words that must find this entry (at least
	// MinFAQSamples distinct ones).
	Samples []string `yaml:"samples"`
}

// MinFAQSamples is how many distinct sample questions every FAQ entry needs.
const MinFAQSamples = 8

// FAQMinScore is the score from which an FAQ match answers a question.
const FAQMinScore = 0.45

// faqTakesRuleSample is the score from which an FAQ entry is said to take a rule's sample
// in the self-test: the sample reads as the entry's question rather than a fault.
const faqTakesRuleSample = 0.8

// AppliesTo reports whether the entry answers for the category id.
func (f *FAQ) AppliesTo(category string) bool {
	return len(f.Categories) == 0 || category == "" || slices.Contains(f.Categories, category)
}

// FAQEntry returns the FAQ entry with the id, or nil.
func (s *Set) FAQEntry(id string) *FAQ {
	for i := range s.FAQ {
		if s.FAQ[i].ID == id {
			return &s.FAQ[i]
		}
	}
	return nil
}

// FAQMatch is the FAQ entry a question found.
type FAQMatch struct {
	// Entry is the entry, inside the set.
	Entry *FAQ
	// Score is in [0, 1]: the best overlap of the question with a sample, title or keyword.
	Score float64
	// Evidence is the sample or keyword the score came from.
	Evidence string
}

// faqForm is the form questions are compared in: normalised, fillers dropped, without
// punctuation, spaces or emoji.
func faqForm(s string) []rune {
	var out []rune
	for _, r := range matchForm(s) {
		if r == ',' || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r > 0xFFFF {
			continue
		}
		out = append(out, r)
	}
	return out
}

// bigramSet is a text's character pairs, each two runes packed in a uint64, sorted and
// without repeats (a one-character text is its own pair).
type bigramSet []uint64

func bigrams(rs []rune) bigramSet {
	if len(rs) == 1 {
		return bigramSet{uint64(rs[0]) << 32}
	}
	out := make(bigramSet, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dice is the Dice coefficient of two bigram sets.
func dice(a, b bigramSet) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// faqPrepared is an FAQ entry in the form RankFAQ compares: its title's and samples'
// bigrams, its keywords in match form.
type faqPrepared struct {
	texts    []string // title, then samples, as written (the evidence)
	grams    []bigramSet
	keywords []string // "" where a keyword has no match form
}

func prepareFAQ(f *FAQ) faqPrepared {
	p := faqPrepared{texts: append([]string{f.Title}, f.Samples...)}
	p.grams = make([]bigramSet, len(p.texts))
	for i, t := range p.texts {
		p.grams[i] = bigrams(faqForm(t))
	}
	p.keywords = make([]string, len(f.Keywords))
	for i, kw := range f.Keywords {
		p.keywords[i] = string(faqForm(kw))
	}
	return p
}

// preparedFAQ returns the set's FAQ entries prepared, built once and shared by copies of
// the set whose entries are the same; a set built in code, or a copy whose entries
// changed, prepares them on each call.
func (s *Set) preparedFAQ() []faqPrepared {
	x := s.index
	if x == nil || len(s.FAQ) == 0 {
		return prepareAll(s.FAQ)
	}
	x.faqOnce.Do(func() {
		x.faq = prepareAll(s.FAQ)
		x.faqOf = &s.FAQ[0]
	})
	if x.faqOf != &s.FAQ[0] || len(x.faq) != len(s.FAQ) {
		return prepareAll(s.FAQ)
	}
	return x.faq
}

func prepareAll(list []FAQ) []faqPrepared {
	out := make([]faqPrepared, len(list))
	for i := range list {
		out[i] = prepareFAQ(&list[i])
	}
	return out
}

// MatchFAQ finds the FAQ entry a question asks, for the category the conversation is
// about ("" when unknown): entries for other categories score lower. It returns false when
// no entry reaches FAQMinScore. The text should be a question; telling a question from a
// fault report is the caller's (the understanding step's) job.
func (s *Set) MatchFAQ(text, category string) (FAQMatch, bool) {
	ms := s.RankFAQ(text, category)
	if len(ms) == 0 || ms[0].Score < FAQMinScore {
		return FAQMatch{}, false
	}
	return ms[0], true
}

// RankFAQ scores every FAQ entry against the text, best first, leaving out entries with
// no overlap at all.
func (s *Set) RankFAQ(text, category string) []FAQMatch {
	q := faqForm(text)
	if len(q) == 0 {
		return nil
	}
	qs := string(q)
	qb := bigrams(q)
	prep := s.preparedFAQ()
	var out []FAQMatch
	for i := range s.FAQ {
		f, p := &s.FAQ[i], &prep[i]
		m := FAQMatch{Entry: f}
		for j, g := range p.grams {
			if d := dice(qb, g); d > m.Score {
				m.Score, m.Evidence = d, p.texts[j]
			}
		}
		for j, kw := range f.Keywords {
			if k := p.keywords[j]; k != "" && strings.Contains(qs, k) {
				boost := 0.2 + 0.05*float64(len([]rune(k)))
				m.Score += min(boost, 0.4) // may pass 1 while ranking: capped below
				if m.Evidence == "" {
					m.Evidence = kw
				}
			}
		}
		if category != "" && len(f.Categories) > 0 && !slices.Contains(f.Categories, category) {
			m.Score *= 0.6 // another product's answer
		}
		if m.Score > 0 {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b FAQMatch) int {
		// ranked on the uncapped score, so a sample matched exactly and a keyword shared
		// with other entries still tells them apart
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	for i := range out {
		out[i].Score = min(1, out[i].Score)
	}
	return out
}

func (s *Set) faqField(i int) field {
	if i < len(s.faqs) {
		return s.faqs[i]
	}
	return field{path: "faq[" + strconv.Itoa(i) + "]"}
}

// validateFAQ checks the FAQ entries: ids unique and distinct from rule ids, known
// categories, an answer, an http(s) image, enough distinct samples.
func (s *Set) validateFAQ(ps *problems, known func(string) bool, ruleAt map[string]field) {
	faqAt := make(map[string]field)
	for i := range s.FAQ {
		f := &s.FAQ[i]
		at := s.faqField(i)
		switch {
		case f.ID == "":
			ps.add(at.key("id"), "required")
		case !ruleIDPattern.MatchString(f.ID):
			ps.add(at.key("id"), "bad_id", "value", strconv.Quote(f.ID), "pattern", "[a-z0-9-]+")
		default:
			if prev, dup := faqAt[f.ID]; dup {
				ps.add(at.key("id"), "duplicate_id", "value", strconv.Quote(f.ID), "where", where(prev))
			} else if prev, dup := ruleAt[f.ID]; dup {
				ps.add(at.key("id"), "duplicate_id", "value", strconv.Quote(f.ID), "where", where(prev))
			} else {
				faqAt[f.ID] = at.key("id")
			}
		}
		if strings.TrimSpace(f.Title) == "" {
			ps.add(at.key("title"), "required")
		}
		if strings.TrimSpace(f.Answer) == "" {
			ps.add(at.key("answer"), "required")
		}
		if f.Image != "" && !webAddress(f.Image) {
			ps.add(at.key("image"), "bad_image", "value", strconv.Quote(f.Image))
		}
		seen := map[string]bool{}
		for j, c := range f.Categories {
			cf := at.key("categories").index(j)
			switch {
			case seen[c]:
				ps.add(cf, "duplicate", "value", strconv.Quote(c))
			case known != nil && !known(c):
				ps.add(cf, "unknown_category", "value", strconv.Quote(c))
			}
			seen[c] = true
		}
		checkPhrases(ps, at.key("keywords"), f.Keywords)
		sf := at.key("samples")
		distinct := map[string]bool{}
		for j, smp := range f.Samples {
			n := string(faqForm(smp))
			if n == "" {
				ps.add(sf.index(j), "required")
			}
			distinct[n] = n != ""
		}
		delete(distinct, "")
		if len(distinct) < MinFAQSamples {
			ps.add(sf, "few_samples", "count", len(distinct), "min", MinFAQSamples)
		}
	}
}

// FAQFailure is an FAQ sample the self-test rejects, or a rule sample an FAQ entry takes.
type FAQFailure struct {
	// FAQID is the entry concerned (the sample's own, or the one that took a rule's sample).
	FAQID string
	// RuleID is set when a rule is involved: the rule that took the FAQ sample (a hazard),
	// or the rule whose sample the entry took.
	RuleID string
	Sample string
	// Got is the entry that ranked first for an FAQ sample ("" when none reached the
	// threshold).
	Got string
	// Score is the winning score.
	Score float64
}

// faqSelfTest checks every FAQ sample finds its own entry (no category hint, and with its
// entry's first category) and reads as no hazard; and that no rule sample is taken by an FAQ
// entry.
func faqSelfTest(set *Set, m *Matcher) []FAQFailure {
	var out []FAQFailure
	for i := range set.FAQ {
		f := &set.FAQ[i]
		hints := []string{""}
		if len(f.Categories) > 0 {
			hints = append(hints, f.Categories[0])
		}
		for _, smp := range f.Samples {
			for _, hint := range hints {
				got, ok := set.MatchFAQ(smp, hint)
				if !ok || got.Entry.ID != f.ID {
					fl := FAQFailure{FAQID: f.ID, Sample: smp}
					if ok {
						fl.Got, fl.Score = got.Entry.ID, got.Score
					}
					out = append(out, fl)
					break
				}
			}
			if m != nil {
				if hz, ok := m.Safety(smp); ok {
					out = append(out, FAQFailure{FAQID: f.ID, RuleID: hz.RuleID, Sample: smp})
				}
			}
		}
	}
	for i := range set.Rules {
		r := &set.Rules[i]
		for _, smp := range r.Samples {
			if got, ok := set.MatchFAQ(smp, ""); ok && got.Score >= faqTakesRuleSample {
				out = append(out, FAQFailure{FAQID: got.Entry.ID, RuleID: r.ID, Sample: smp, Got: got.Entry.ID, Score: got.Score})
			}
		}
	}
	return out
}

// Text says what is wrong, in Simplified Chinese from the catalog, for the editor and the
// CLI.
func (f FAQFailure) Text() string {
	switch {
	case f.RuleID != "" && f.Got == "":
		return catalog.T("knowledge.report.faq.hazard", "faq", f.FAQID, "rule", f.RuleID, "sample", f.Sample)
	case f.RuleID != "":
		return catalog.T("knowledge.report.faq.takes_rule", "faq", f.FAQID, "rule", f.RuleID, "sample", f.Sample)
	case f.Got != "":
		return catalog.T("knowledge.report.faq.other", "faq", f.FAQID, "got", f.Got, "sample", f.Sample)
	}
	return catalog.T("knowledge.report.faq.none", "faq", f.FAQID, "sample", f.Sample)
}
