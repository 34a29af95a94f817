package knowledge

import (
	"regexp"
	"slices"
)

// hit is one trigger found in the message for a rule.
type hit struct {
	rule       int32
	kind       triggerKind
	weight     float64
	start, end int    // byte span in the matched text; -1 for the case's recorded code
	reason     string // names the trigger; equal reasons are the same trigger
}

// collect finds every trigger occurrence in the normalised text n, and the categories the
// text mentions. Phrases and codes are found in n without fillers (t, returned for the
// similarity index). A regex matches when it matches n, as the customer wrote it ("照片全没了"
// for '没了'), or else t ("用着很卡" for '用着卡'); spans found in n are carried over to t.
// Regexes look at the first MaxMatchText bytes of n and t only.
func (m *Matcher) collect(n, caseCode string) ([]hit, []bool, string) {
	t, pos := dropFillers(n, len(m.regexes) > 0 || len(m.literal.patterns) > 0)
	var hits []hit
	var mentioned []bool
	found := func(entries []entry, start, end int) {
		for _, e := range entries {
			switch e.kind {
			case kindAlias:
				if mentioned == nil {
					mentioned = make([]bool, len(m.set.Categories))
				}
				mentioned[e.index] = true
			default:
				hits = append(hits, hit{rule: e.index, kind: e.kind, weight: e.weight, start: start, end: end, reason: e.reason})
			}
		}
	}
	m.phrases.ac.scan(t, func(id int32, start, end int) {
		if !negated(t, start) {
			found(m.phrases.of(id), start, end)
		}
	})
	if len(m.literal.patterns) > 0 {
		m.literal.ac.scan(n, func(id int32, start, end int) {
			if !negated(n, start) {
				found(m.literal.of(id), int(pos[start]), int(pos[end]))
			}
		})
	}

	caseKey := codeKey(caseCode)
	var tokens [8]codeToken
	for _, tok := range codeTokens(t, tokens[:0]) {
		entries := m.codes[tok.key]
		if len(entries) == 0 || (allDigits(tok.key) && !hasCodeCue(t, tok.start)) || negated(t, tok.start) {
			continue
		}
		if tok.key == caseKey {
			caseKey = "" // counted once, at its place in the text
		}
		for _, e := range entries {
			hits = append(hits, hit{rule: e.rule, kind: kindCode, weight: weightCode, start: tok.start, end: tok.end, reason: e.reason})
		}
	}
	if validCode(caseKey) {
		for _, e := range m.codes[caseKey] {
			hits = append(hits, hit{rule: e.rule, kind: kindCode, weight: weightCode, start: -1, end: -1, reason: e.reason})
		}
	}

	subsume(hits)

	if len(m.regexes) == 0 {
		return hits, mentioned, t
	}
	var run []int32
	gate := func(id int32, _, _ int) {
		for _, e := range m.gates.of(id) {
			run = append(run, e.index)
		}
	}
	m.gates.ac.scan(n, gate)
	if len(t) < len(n) {
		m.gates.ac.scan(t, gate)
	}
	slices.Sort(run)
	run = slices.Compact(run)
	// Regexes see the first MaxMatchText bytes only: what an editor's regex costs grows
	// with the text, and a customer's fault is told long before that.
	rn, rt := clipText(n, MaxMatchText), clipText(t, MaxMatchText)
	haveN, haveT := runesIn(rn), runeBits{} // read once for every regex's prefilter
	if len(t) < len(n) {
		haveT = runesIn(rt)
	}
	for _, x := range slices.Concat(run, m.ungated) {
		rx := &m.regexes[x]
		if !rx.pf.passIn(rn, &haveN) && (len(t) == len(n) || !rx.pf.passIn(rt, &haveT)) {
			continue // lacks the literals every match holds (prefilter.go)
		}
		if start, end, ok := findRegex(rx.re, rn); ok {
			w := phraseWeight(runeCount(n[start:end]), maxRegexChars)
			hits = append(hits, hit{rule: rx.rule, kind: kindRegex, weight: w, start: int(pos[start]), end: int(pos[end]), reason: rx.reason})
			continue
		}
		if len(t) == len(n) {
			continue // no fillers: t is n
		}
		if start, end, ok := findRegex(rx.re, rt); ok {
			w := phraseWeight(runeCount(t[start:end]), maxRegexChars)
			hits = append(hits, hit{rule: rx.rule, kind: kindRegex, weight: w, start: start, end: end, reason: rx.reason})
		}
	}
	return hits, mentioned, t
}

// findRegex returns the first match of re in s that no negation denies.
func findRegex(re *regexp.Regexp, s string) (start, end int, ok bool) {
	for _, loc := range re.FindAllStringSubmatchIndex(s, 4) {
		if loc[1] > loc[0] && !regexDenied(s, loc) {
			return loc[0], loc[1], true
		}
	}
	return 0, 0, false
}

// regexDenied reports whether a regex match (with its submatch spans) is denied: at its
// start, or at the start of a top-level group by a negation in the gap before it, as
// "空调不是漏水" for '(空调).{0,6}(漏)水'. Negations inside the groups themselves belong to
// the pattern ("没(了|,)", "(没有画面).{0,6}(声音)") and deny nothing.
func regexDenied(s string, loc []int) bool {
	if negated(s, loc[0]) {
		return true
	}
	gap := loc[0] // where the text between groups starts
	for i := 2; i+1 < len(loc); i += 2 {
		start, end := loc[i], loc[i+1]
		if start < gap {
			continue // unmatched (-1), or nested in an earlier group
		}
		if start > gap && negated(s[gap:], start-gap) {
			return true
		}
		gap = end
	}
	return false
}

// subsume discounts a phrase (keyword or synonym) hit lying strictly inside a longer
// phrase hit of another rule: the customer's words are better explained by the longer
// phrase ("抽屉冻住了" over "冻住了"). Quadratic, but a message has few hits; past
// maxSubsumeHits it is skipped.
func subsume(hits []hit) {
	if len(hits) > maxSubsumeHits {
		return
	}
	phrase := func(h hit) bool { return h.kind == kindKeyword || h.kind == kindSynonym }
	for i := range hits {
		h := &hits[i]
		if !phrase(*h) {
			continue
		}
		for _, g := range hits {
			if phrase(g) && g.rule != h.rule && g.start <= h.start && h.end <= g.end && g.end-g.start > h.end-h.start {
				h.weight *= subsumedFactor
				break
			}
		}
	}
}

func overlaps(a, b hit) bool {
	return a.start >= 0 && b.start >= 0 && a.start < b.end && b.start < a.end
}
