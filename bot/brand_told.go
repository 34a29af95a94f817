package bot

import (
	"strings"
	"time"
	"unicode"

	"github.com/wxintake/intake/knowledge"
)

// A brand no list knows is often told on its own, just after the fault or at the brand
// question: "usmile的", "小翼牌的", "牌子是坚果", "是TP的". Products outside the classic
// categories (e-bikes, projectors, toothbrushes, routers…) have brands nobody configured, so
// such a message is the brand whatever the bot asked, unless its word is an ordinary one
// ("蓝色的", "正常的", "开着的" tell a colour or a check's result).

// brandNamed says it is the brand: "牌子是坚果", "品牌：极米", "小翼牌的", "是小牛牌子的".
var brandNamed = knowledge.MustFilter(`^(?:品牌|牌子)(?:是|叫|为|:|：)?\s*(.+?)(?:牌子的|牌的|家的|的)?$|^(?:是|好像是|应该是|可能是|大概是|就是)?(.+?)(?:牌子的|牌子|牌的|牌)$`)

// brandBare tells a word with 的 on its own: "usmile的", "是极米的", "坚果家的".
var brandBare = knowledge.MustFilter(`^(?:是|好像是|应该是|可能是|大概是)?(.+?)(?:家的|的)$`)

// brandLatin is a brand written in Latin letters: "usmile", "TP", "dyson", "Anker".
var brandLatin = knowledge.MustFilter(`^[A-Za-z][A-Za-z0-9+&.\-]{1,15}$`)

// notBrandPlain are ordinary words customers say with 的 that no brand is: a check's result,
// where it came from, what kind it is.
var notBrandPlain = knowledge.MustFilter(`正常|干净|一样|这样|那样|可以|还行|挺好|对的|错|真的|假的|满|空|原装|原厂|自带|配套|标配|色|样子|款|同事|朋友|邻居|房东|租|送|网购|免费|自费|进水|故障|牌子|品牌|公司|单位|办公|[自家商民公]用$`)

// notBrandLatin are Latin words that are no brand: "ok的", "wifi的", "app的".
var notBrandLatin = knowledge.MustFilter(`(?i)^(ok|okay|no|yes|hi|hello|wifi|wi-fi|wlan|app|usb|type-?c|led|lcd|oled|pro|max|plus|mini|ai|cpu|tv|pc|vip|diy|ps|sim|nfc|gps|ios|android|5g|4g|2\.4g)$`)

// brandToldAlone returns the brand a message tells on its own. bare allows a word with only
// 的 ("usmile的"); otherwise the message must say it is the brand ("牌子是坚果", "小翼牌的").
func brandToldAlone(canon string, bare bool, now time.Time, lx *Lexicon) (string, bool) {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(canon), "啊呀哦吧呢哈啦咯噢哩嘞喔呗~～!！.。 "))
	if t == "" || runes(t) > 16 {
		return "", false
	}
	var word string
	if m := brandNamed.FindStringSubmatch(t); m != nil {
		word = m[1] + m[2]
	} else if m := brandBare.FindStringSubmatch(t); m != nil && bare {
		word = m[1]
	}
	word = strings.TrimSpace(word)
	if !brandWordOK(word, now, lx) {
		return "", false
	}
	return word, true
}

// brandWordOK reports a word that can be a brand no list knows: Latin letters that are no
// ordinary technical word, or two to four Chinese characters that say nothing else the
// extractor understands and are no ordinary word.
func brandWordOK(word string, now time.Time, lx *Lexicon) bool {
	switch {
	case word == "":
		return false
	case brandLatin.MatchString(word):
		letters := 0
		for _, r := range word {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 2 || notBrandLatin.MatchString(word) || isCommonWord(word) || greetingWord(strings.ToLower(word)) {
			return false
		}
	default:
		n := 0
		for _, r := range word {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
			n++
		}
		if n < 2 || n > 4 || strings.ContainsAny(word, notBrandBeforeRunes+faultRunes) || reduplicated(word) ||
			plainAdjective.MatchString(word) || notBrandKind.MatchString(word) || notBrandPlain.MatchString(word) ||
			notBrandWord.MatchString(word) || pointsAtBrand.MatchString(word) {
			return false
		}
	}
	return Extract(word, now, lx) == (Facts{}) && !cueQuestion.MatchString(word) && !isUnknown(word) && !isFiller(word)
}

// unlistedBrandTold reads a message that tells only a brand no list knows, while the case
// still lacks its brand and the brand is what the customer would tell next: at the brand
// question, or just after the fault (at a check, at the menu of faults, when the fault is
// asked). The message is then that answer and nothing else: no fault, no verdict on a check.
func (d *Dialog) unlistedBrandTold(u *Understanding, c *Conversation, at time.Time) {
	if c.Case.Brand != "" || u.Facts.Brand != "" || len(u.Hazards) > 0 || u.Suspect != "" || c.Case.Category == "" {
		return
	}
	bare := false
	switch {
	case c.State == StateSelf:
		bare = true
	case c.State == StateCollect && (c.Asking == SlotBrand || c.Asking == SlotFault || c.Asking == SlotSymptom):
		bare = true
	case c.State == StateCollect && c.Case.Symptom != "":
	default:
		return
	}
	b, ok := brandToldAlone(u.Canon, bare, at, d.lexicon())
	model := ""
	if m := brandFirst.FindStringSubmatch(u.Canon); !ok && bare && m != nil && (u.Facts.Model != "" || strings.Contains(u.Canon[len(m[0]):], "型号")) &&
		u.Facts.Symptom == "" && brandWordOK(m[1], at, d.lexicon()) {
		b, ok, model = m[1], true, u.Facts.Model // "布鲁雅尔的 型号在背面 7440i"
	}
	if !ok {
		return
	}
	if c.State == StateSelf {
		if rule, ok := d.KB.Rule(c.Case.RuleID); ok && c.Step < len(rule.Steps) && strings.Contains(compact(rule.StepText(c.Step, c.Case.Fuel)), compact(b)) {
			return // the check's own word, told as its result
		}
	}
	u.Facts = Facts{Brand: b, Model: model}
	u.Acts = nil
	u.Answer = knowledge.AnswerUnclear
}
