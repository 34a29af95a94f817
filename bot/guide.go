package bot

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// SlotFault is the menu of a category's common faults: asked only by guide, when the
// customer's description is vague or matched no rule confidently, never in the summary.
const SlotFault Slot = "fault"

// guide offers the category's common faults as a numbered menu, with "以上都不是" last,
// instead of guessing a rule or asking the same question again. false when the category
// has no faults to offer.
func (d *Dialog) guide(t *step) bool {
	c := t.c
	if len(d.KB.Faults(c.Case.Category)) < minMenu {
		return false
	}
	c.Case.Guided = true
	d.ask(t, SlotFault)
	return true
}

// minMenu is the fewest common faults worth a menu; with fewer the bot takes the
// customer's words as they are.
const minMenu = 3

// offer lists the faults on the menu and remembers their ids, so the answer picks the rule
// the customer saw even if the knowledge changes meanwhile.
func (d *Dialog) offer(c *Case) string {
	faults := d.KB.Faults(c.Category)
	c.Offered = c.Offered[:0]
	names := make([]string, 0, len(faults)+1)
	for _, f := range faults {
		c.Offered = append(c.Offered, f.ID)
		names = append(names, f.Title)
	}
	return numbered(names)
}

// answerFault reads the choice from the menu of common faults: a number picks a rule, the
// last number ("以上都不是") keeps the customer's own words, and a new description is added
// to the symptom and matched again.
func (d *Dialog) answerFault(c *Case, text string, now time.Time) (bool, string) {
	if i, words, ok := menuChoice(text, len(c.Offered)+1); ok {
		defer c.addSymptomDetail(words) // "原地转圈算哪个？应该是5吧": the words stay with the fault
		if i == len(c.Offered) {
			if c.missing(SlotSymptom) {
				return false, "bot.ask.symptom.free"
			}
			c.SelfDone = true // none of them: no self-service, a person looks at it
			return true, ""
		}
		if r, ok := d.KB.Rule(c.Offered[i]); ok {
			c.RuleID, c.RuleTitle = r.ID, r.Title
			if c.missing(SlotSymptom) {
				c.Symptom = r.Title
			}
			return true, ""
		}
	}
	if t := strings.Trim(normalizeText(text), clauseBreaks+" .!?"); (isUnknown(t) && !aboutOther(t, SlotFault) || cueNoneFits.MatchString(compact(t))) && !c.missing(SlotSymptom) {
		c.SelfDone = true // "不知道", "都不像": their own words go to a person, as choosing "以上都不是"
		return true, ""
	}
	if t := strings.Trim(normalizeText(text), clauseBreaks+" .!?"); isUnknown(t) && aboutOther(t, SlotFault) {
		return false, "" // "不知道啥时候买的 别人送的": of another detail, noted by collect; no fault
	}
	if notSolvedOnly(text, now, d.lexicon()) {
		if c.missing(SlotSymptom) {
			return false, "bot.retry.symptom.vague"
		}
		c.SelfDone = true // "试了 没用": what they tried did not help; their own words go to a person
		return true, ""
	}
	// (the clauses that ask are no fault: "有冇得修", "修要几耐 有冇人上门" ask, they choose nothing)
	sym := Extract(statedPart(knowledge.Canon(text)), now, d.lexicon()).Symptom
	if utf8.RuneCountInString(sym) < 2 || isVague(text, d.lexicon()) {
		return false, ""
	}
	if c.Symptom == "" {
		c.Symptom = sym
	} else if !strings.Contains(c.Symptom, sym) {
		c.Symptom += symptomJoiner + sym
	}
	if r, ok := d.KB.Match(c); !ok || !r.Confident {
		c.SelfDone = true // still unsure: a person looks at it rather than a wrong check
	}
	return true, ""
}

// notSolvedOnly reports a reply that only says what was tried did not help ("试了 没用",
// "没用", "还是不行"): a verdict, never fault text. What was tried, when told ("换插座也试过了
// 没用"), is a detail; a menu's number ("2") is a choice.
func notSolvedOnly(text string, now time.Time, lx *Lexicon) bool {
	canon := knowledge.CanonMemo(text)
	if len(canon) > 72 || strings.ContainsAny(canon, "0123456789") { // a bare verdict is short: 24 characters at most
		return false
	}
	if runes(verdictWords.ReplaceAllString(compact(canon), "")) > 1 || knowledge.ParseAnswer(canon) != knowledge.AnswerNotSolved {
		return false
	}
	f := Extract(canon, now, lx)
	return f.Symptom == "" && f.ErrorCode == "" && f.Category == ""
}

// verdictWords are the words of a bare verdict on what was tried: "试了", "都试过了", "还是不行",
// "没用", "不管用".
var verdictWords = knowledge.MustFilter(`我|都|也|早就|已经|全部|全|刚刚|刚|还是|依然|仍然|照做|试|弄|搞|做|按|过|没有用|没啥用|没什么用|没用|不管用|没有效果|没效果|不行|一样|没反应|没变化|没解决|没好|[了的啊呀哦吧呢哈嘛啦咯噢~～,，。.!！?？ ]|\p{So}`)

// cueNoneFits says none of the offered faults is the one: "都不是", "都不像", "说不好".
var cueNoneFits = knowledge.MustGate(`^(好像)?(都|全都|一个都|哪个都|哪个也)(不是|不像|不对|没有|对不上)|^(说不好|说不清|分不清|不好说|看不出|搞不清|不确定|没有一个)`)

// isVague reports a description that says only that something is broken: "坏了",
// "冰箱出毛病了", "说不上来就是不对".
func isVague(text string, lx *Lexicon) bool {
	r := readRest(compact(text), lx)
	return r.vague && r.empty()
}

// categoryName is the product as the summary and the staff show it: the category's name,
// or for a product outside them "其他（电动牙刷）".
func (d *Dialog) categoryName(c *Case) string {
	if c.Category == OtherCategory {
		if c.Product == "" {
			return catalog.T("bot.category.other")
		}
		return catalog.T("bot.category.other_named", "product", c.Product)
	}
	return d.lexicon().CategoryName(c.Category)
}

// mentionedCategories lists the categories the text names, in order, leaving out those
// set aside right after ("空调没事", "空调是好的").
func mentionedCategories(s string, lx *Lexicon) []string {
	if lx == nil {
		return nil
	}
	var out []string
	for i := 0; i < len(s); i += runeLen(s, i) {
		ci, end, ok := lx.catWords.at(s, i)
		if !ok || strings.HasPrefix(s[end:], "号") { // "手机号" is a number, not a phone
			continue
		}
		id := lx.categories[ci].id
		if (!deniedProduct(s, i, end) || contrasted(s, end, lx)) && !slices.Contains(out, id) {
			out = append(out, id)
		}
		i = end - runeLen(s, prevRuneStart(s, end))
	}
	return out
}

// setAsideAfter reports words right after a product that say it is fine, or not the one.
func setAsideAfter(rest string) bool {
	for _, w := range []string{"没事", "没得事", "没问题", "没坏", "是好的", "好好的", "好着", "正常", "倒没事", "倒是好的", "不是", "没毛病",
		"先不管", "不管了", "现在好了", "好了", "已经好了", "没事了", "不用管", "不报了", "不修了",
		"不急", "先不急", "没那么急", "先不说", "的事先不说", "的事以后再说", "以后再说", "等下再说", "等会再说", "回头再说", "晚点再说", "稍后再说",
		"先放着", "先放一放", "先放一边", "额以后再说", "我以后再说", "唔急", "迟啲先", "慢慢再说", "不说了", "先不弄", "先不修"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}
