package bot

import (
	"slices"
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A customer in the middle of the checks often corrects which part of the product is at
// fault: "不是内机 是外机", "是冷冻室不冷 不是冷藏室", "内机没问题 是外机在滴水". The checks must
// follow: the fault is told of the right part, the rule is matched again, and no check of
// the part the customer just ruled out is offered.

// partGroup is a part of a product and the words customers call it by; the first is its name.
type partGroup []string

// partPairs are parts of one product that customers mix up, each pair told apart.
var partPairs = [][2]partGroup{
	{{"室内机", "内机", "室内", "挂机", "柜机"}, {"室外机", "外机", "室外"}},
	{{"冷藏室", "冷藏", "冷藏层"}, {"冷冻室", "冷冻", "冷冻层"}},
}

// partWords matches any part word, longest first.
var partWords = func() *knowledge.Filtered {
	var words []string
	for _, p := range partPairs {
		words = append(words, p[0]...)
		words = append(words, p[1]...)
	}
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	return knowledge.MustFilter(strings.Join(words, "|"))
}()

// partDenied are the ways the correction is said: "不是X 是Y", "是Y 不是X", "X没问题 是Y".
var (
	partNotXButY = knowledge.MustFilter(`(?:不是|并不是|不系|唔系|唔是|勿是)(` + partWords.String() + `)[^,，。!！?？ ]{0,6}[,，。!！ ]*(?:而是|而|是|系)?(?:那个|这个)?(` + partWords.String() + `)`)
	partYNotX    = knowledge.MustFilter(`(?:是|系)(` + partWords.String() + `)[^,，。!！?？ ]{0,6}[,，。!！ ]*(?:不是|并不是|唔系|不系)(` + partWords.String() + `)`)
	partXFine    = knowledge.MustFilter(`(` + partWords.String() + `)(?:没问题|没事|是好的|好好的|正常|没毛病|不漏|没漏)[^,，。!！?？ ]{0,2}[,，。!！ ]*(?:是|系|主要是)?(` + partWords.String() + `)`)
)

// groupOf returns the pair and side of a part word.
func groupOf(word string) (pair, side int, ok bool) {
	for i, p := range partPairs {
		for s := 0; s < 2; s++ {
			if slices.Contains(p[s], word) {
				return i, s, true
			}
		}
	}
	return 0, 0, false
}

// partCorrection reads a correction of the part at fault: the part ruled out and the part
// meant, by their names ("室内机", "室外机"); ok only when both are parts of one pair.
func partCorrection(canon string) (out, in partGroup, ok bool) {
	t := compact(canon)
	var denied, meant string
	if m := partNotXButY.FindStringSubmatch(t); m != nil {
		denied, meant = m[1], m[2]
	} else if m := partYNotX.FindStringSubmatch(t); m != nil {
		denied, meant = m[2], m[1]
	} else if m := partXFine.FindStringSubmatch(t); m != nil {
		denied, meant = m[1], m[2]
	} else {
		return nil, nil, false
	}
	p1, s1, ok1 := groupOf(denied)
	p2, s2, ok2 := groupOf(meant)
	if !ok1 || !ok2 || p1 != p2 || s1 == s2 {
		return nil, nil, false
	}
	return partPairs[p1][s1], partPairs[p1][s2], true
}

// mentions reports whether text names the part.
func (g partGroup) mentions(text string) bool {
	return slices.ContainsFunc(g, func(w string) bool { return strings.Contains(text, w) })
}

// partFix takes a correction of the part at fault during the checks: the fault is told of
// the part meant, the rule matched again, and the checks of the part ruled out are skipped;
// when none is left, the case goes on to the details for an engineer.
func (d *Dialog) partFix(t *step) bool {
	c := t.c
	if c.State != StateSelf {
		return false
	}
	out, in, ok := partCorrection(t.u.Canon)
	if !ok {
		return false
	}
	rule, ok := d.KB.Rule(c.Case.RuleID)
	if !ok {
		return false
	}
	sym := c.Case.Symptom
	for _, w := range out {
		sym = strings.ReplaceAll(sym, w, "")
	}
	if !in.mentions(sym) {
		sym = in[0] + sym // "漏水" of the outdoor unit: "室外机漏水"
	}
	c.Case.Symptom = sym
	t.sayKey("bot.part_corrected", "meant", in[0], "denied", out[0])
	if r, ok := d.KB.Match(&c.Case); ok && r.Confident && r.ID != rule.ID && len(r.Steps) > 0 {
		// the part meant has its own fault: its checks from the start
		t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeEscalated})
		c.Case.RuleID, c.Case.RuleTitle = r.ID, r.Title
		c.Step, c.Fails, c.SelfDoubt = 0, 0, false
		rule = r
		t.do(RecordOutcome{RuleID: r.ID, Outcome: OutcomeShown})
		t.sayKey("bot.self.intro", "title", r.Title)
	}
	for c.Step < len(rule.Steps) && out.mentions(rule.StepText(c.Step, c.Case.Fuel)) && !in.mentions(rule.StepText(c.Step, c.Case.Fuel)) {
		c.Step++ // a check of the part ruled out: not offered
	}
	if c.Step < len(rule.Steps) {
		d.showStep(t, rule)
		return true
	}
	c.Case.StepsTried = c.Step
	t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeEscalated})
	t.say(catalog.T("bot.part_no_checks", "part", in[0]))
	d.advance(t)
	return true
}
