package bot

import (
	"slices"
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A fact the customer denies is never kept as its opposite: a cause denied ("没进水",
// "从来没摔过") is no trigger, and a stored one is cleared; a part of the hazard's label
// denied ("没有焦味啊 你们别写错了") leaves the ticket and the read-back. Either is confirmed
// in one line. The case stays a safety case: a denial changes what is written, never the
// urgency.

// deniedTriggers returns the causes the message denies ("没进水", "没有进过水", "没摔过").
func deniedTriggers(s string) []Trigger {
	var out []Trigger
	for i := 0; i < len(s); i += runeLen(s, i) {
		t, _, ok := triggerSet.at(s, i)
		if !ok {
			continue
		}
		if _, neg := negationStart(s, i); neg && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// cueDontWrite asks not to write something down, or says it was written wrong: "你别给我写成
// 进水了", "别写错了", "不要记成摔的".
var cueDontWrite = knowledge.MustGate(`(别|不要|不能|莫|勿|唔好)[^,?]{0,4}(写|记|登记|填|算)|写错|记错|写成|记成|搞错|弄错`)

// hazardDenials are the denials of each kind of part of a safety rule's title, by a word of
// the part: "有烧焦味" is denied by "没有焦味", "没闻到糊味".
var hazardDenials = []struct {
	word   string
	denial *knowledge.Gated
}{
	{"焦", knowledge.MustGate(`(没|没有|冇|无|不是|并没有|哪有|哪里有|根本没|从来没)(有)?(闻到|闻见)?(什么|啥|任何|一点)?(烧)?(焦|糊)`)},
	{"烟", knowledge.MustGate(`(没|没有|冇|无|哪有|根本没)(有)?(冒|看到|看见|见)?(过)?(什么|啥|一点)?烟`)},
	{"火花", knowledge.MustGate(`(没|没有|冇|哪有|根本没)(有)?(打火|火花|冒火|闪火|打过火)`)},
	{"打火", knowledge.MustGate(`(没|没有|冇|哪有|根本没)(有)?(打火|火花|冒火|闪火|打过火)`)},
	{"漏电", knowledge.MustGate(`(没|没有|冇|不|根本没)(有)?(漏电|触电|电到|电过|麻)`)},
	{"麻手", knowledge.MustGate(`(没|没有|冇|不|根本没)(有)?(漏电|触电|电到|电过|麻)`)},
	{"鼓包", knowledge.MustGate(`(没|没有|冇|不|根本没)(有)?(鼓|胀|凸)`)},
}

// deniesNow reports a denial of the gate in tx that says it never was ("没有焦味啊"), not that
// it stopped ("现在没冒烟了", "已经没有焦味了"): a danger that passed stays on the ticket.
func deniesNow(g *knowledge.Gated, tx string) bool {
	for _, m := range g.FindAllStringSubmatchIndex(tx, -1) {
		before, rest := tx[:m[0]], []rune(tx[m[1]:])
		rest = rest[:min(len(rest), 2)] // "没有焦味了": the word's end and its particle
		if cueStopped.MatchString(before[max(0, len(before)-12):]) || slices.Contains(rest, '了') || slices.Contains(rest, '啦') {
			continue
		}
		return true
	}
	return false
}

// cueStopped, just before a denial, tells the danger passed: "现在没冒烟了", "已经没有焦味".
var cueStopped = knowledge.MustGate(`现在|已经|暂时|这会|目前|后来|慢慢|渐渐|不再|散了|停了`)

// HazardTitle is a safety rule's title without the parts the customer denied, "" when every
// part was: "有烧焦味、插头插座发烫或烧黑" with "有烧焦味" denied is "插头插座发烫或烧黑".
func HazardTitle(title string, denied []string) string {
	if len(denied) == 0 {
		return title
	}
	var kept []string
	for _, part := range strings.Split(title, "、") {
		if !slices.Contains(denied, part) {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, "、")
}

// HazardTitles joins the titles of every hazard of a case (HazardRules, in order; title
// looks a safety rule's title up by its id) as the ticket names its danger: the parts the
// customer denied left out, each title once.
func HazardTitles(c *Case, title func(id string) string) string {
	var out []string
	for _, id := range c.HazardRules() {
		if t := HazardTitle(title(id), c.HazardDenied); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "；")
}

// hazardTitleOf is the case's hazard label as the ticket writes it: the title without the
// parts denied, or "待核实" when all were.
func hazardTitleOf(c *Case, title string) string {
	if t := HazardTitle(title, c.HazardDenied); t != "" {
		return t
	}
	return catalog.T("bot.denied.hazard_all")
}

// denyHazardParts drops from the case's hazard label the parts tx denies ("冰箱插头有点热
// 但没有烧焦的味道" is no burning smell) and returns them.
// With keepOne (the message that tells the hazard) a denial of every part leaves the label.
func (d *Dialog) denyHazardParts(c *Case, tx string, keepOne bool) []string {
	r, ok := d.KB.Rule(c.SafetyRule)
	if !c.Safety || !ok || r.Title == "" {
		return nil
	}
	var dropped []string
	for _, part := range strings.Split(r.Title, "、") {
		if slices.Contains(c.HazardDenied, part) {
			continue
		}
		for _, h := range hazardDenials {
			if strings.Contains(part, h.word) && deniesNow(h.denial, tx) {
				c.HazardDenied = append(c.HazardDenied, part)
				dropped = append(dropped, part)
				break
			}
		}
	}
	if keepOne && HazardTitle(r.Title, c.HazardDenied) == "" {
		// every part denied at once ("没冒烟 也没味"): the sign told is kept as it is
		c.HazardDenied = slices.DeleteFunc(c.HazardDenied, func(p string) bool { return slices.Contains(dropped, p) })
		return nil
	}
	return dropped
}

// takeDenials applies what the message denies to the case: a stored cause it denies is
// cleared, a part of the hazard label it denies is dropped, and a filed ticket is updated.
// It returns the line that confirms them, "" for none.
func (d *Dialog) takeDenials(t *step) string {
	c := t.c
	tx := compact(t.u.Canon)
	var said, words []string
	causes := deniedTriggers(tx)
	for _, tr := range causes {
		if c.Case.Trigger == tr || cueDontWrite.MatchString(tx) {
			words = append(words, catalog.T("bot.denied.word."+string(tr)))
		}
	}
	if len(words) > 0 {
		w := strings.Join(words, "、")
		said = append(said, catalog.T("bot.denied.cause", "cause", w))
	}
	cleared := c.Case.Trigger != "" && slices.Contains(causes, c.Case.Trigger)
	if cleared {
		c.Case.Trigger = TriggerNone
	}
	var dropped []string
	if r, ok := d.KB.Rule(c.Case.SafetyRule); c.Case.Safety && ok && r.Title != "" {
		dropped = d.denyHazardParts(&c.Case, tx, false)
		if len(dropped) > 0 {
			said = append(said, catalog.T("bot.denied.hazard", "what", strings.Join(dropped, "、"), "title", hazardTitleOf(&c.Case, r.Title)))
		}
	}
	if len(said) == 0 {
		return ""
	}
	if c.Ticket != "" && (cleared || len(dropped) > 0) {
		f := Facts{}
		if cleared {
			f.Trigger = TriggerNone
		}
		if len(dropped) > 0 {
			r, _ := d.KB.Rule(c.Case.SafetyRule)
			f.Symptom = catalog.T("effects.hazard_note", "title", hazardTitleOf(&c.Case, r.Title)) + "；" + c.Case.Symptom
		}
		t.do(UpdateDetails{Number: c.Ticket, Facts: f})
	}
	return strings.Join(said, "")
}
