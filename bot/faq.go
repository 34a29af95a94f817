package bot

// FAQAnswer is an editor's FAQ entry as the dialog tells it.
type FAQAnswer struct {
	ID     string
	Title  string
	Answer string
	Image  string // an http(s) picture URL, or ""
	// Normal marks an "is this normal?" answer: never given to a message read as a hazard.
	Normal bool
	// Score is the match's confidence, 0–1.
	Score float64
	// Keywords are the entry's phrases that point at it ("遥控器没电").
	Keywords []string
}

// FAQFinder is what the dialog needs from knowledge that carries editors' FAQ entries. It
// is optional: a Knowledge without it answers questions from the catalog alone.
type FAQFinder interface {
	// FAQ returns the entry a question asks, for the category the case is about ("" when
	// unknown), if one fits confidently.
	FAQ(text, category string) (FAQAnswer, bool)
}

// FAQ implements FAQFinder from the set's FAQ entries.
func (k *KnowledgeBase) FAQ(text, category string) (FAQAnswer, bool) {
	m, ok := k.set.MatchFAQ(text, category)
	if !ok {
		return FAQAnswer{}, false
	}
	e := m.Entry
	return FAQAnswer{ID: e.ID, Title: e.Title, Answer: e.Answer, Image: e.Image, Normal: e.Normal, Score: m.Score, Keywords: e.Keywords}, true
}

// warrantyAsksDate are the warranty rulings that only ask for the purchase date: an
// editor's policy text answers better.
var warrantyAsksDate = map[string]bool{
	"bot.faq.warranty.unknown": true, "bot.faq.warranty.no_date": true, "bot.faq.warranty.no_date.whole": true,
	"bot.faq.warranty.vague": true, "bot.faq.warranty.vague.whole": true,
}

// answerFAQ answers a question from an editor's FAQ entry when one fits, and reports
// whether it did; the caller then repeats the pending question as after any answer.
//
// How the entries and the built-in answers combine: an answer computed from the case wins
// where it knows more than a fixed text — the price of the matched rule, "free" inside the
// warranty, the warranty ruling from the purchase date, a hazard case's promise, whether we
// repair the product named, whether this is a bot. Everywhere else (is this normal, where
// the label is, service hours, how long a visit takes, anything else asked) an entry that
// matches answers, and the catalog's text is the fallback. An "is this normal" entry is
// never given when the message or the case reads as a hazard.
func (d *Dialog) answerFAQ(t *step, topic string) bool {
	f, ok := d.KB.(FAQFinder)
	if !ok {
		return false
	}
	c := t.c
	switch topic {
	case TopicBotOrHuman, TopicCoverage, TopicService, TopicPrepare, TopicHours:
		return false // (the hours come from the business calendar, answerTopic)
	case TopicPrice:
		if cueUpkeep.MatchString(compact(t.u.Canon)) {
			break // cleaning or upkeep: an editor's entry tells its price, never the repair's
		}
		if key, _ := d.warrantyVerdict(&c.Case); key == "bot.faq.warranty.inside" || key == "bot.faq.warranty.extended" {
			return false
		}
		if rule, ok := d.KB.Rule(c.Case.RuleID); ok && rule.Price != ([2][2]int{}) {
			return false
		}
	case TopicWarranty:
		if key, _ := d.warrantyVerdict(&c.Case); !warrantyAsksDate[key] {
			return false
		}
	case TopicDuration:
		if c.Case.Safety {
			return false
		}
	}
	cat := t.u.Facts.Category
	if cat == "" {
		cat = c.Case.Category
	}
	a, ok := f.FAQ(t.u.Canon, cat)
	if !ok {
		return false
	}
	if a.Normal && d.readsAsHazard(t) {
		return false // when unsure, hazard: "外机冒烟了正常吗" is never told it is normal
	}
	t.say(a.Answer)
	// a normal thing, or a how-to question with no fault told beside it: nothing to file
	t.toldNormal = a.Normal || t.u.Facts.Symptom == "" && t.u.Facts.ErrorCode == "" && !t.u.Is(ActReport) && !t.u.Is(ActVague)
	if a.Image != "" {
		t.sayKey("bot.faq.image", "url", a.Image)
	}
	return true
}

// readsAsHazard reports whether the message or the case is about a hazard.
func (d *Dialog) readsAsHazard(t *step) bool {
	if t.c.Case.Safety || len(t.u.Hazards) > 0 {
		return true
	}
	_, ok := d.KB.Hazard(t.u.Canon, t.u.HazardReading())
	return ok
}

var _ FAQFinder = (*KnowledgeBase)(nil)
