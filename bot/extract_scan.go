package bot

import (
	"strings"
	"unicode/utf8"
)

// maxExtractBytes bounds the work done on one message; WeChat text messages are far shorter.
const maxExtractBytes = 4096

// spanKind says which fact a part of the message was read as.
type spanKind uint8

type factSpan struct {
	start, end int
	kind       spanKind
}

// extraction is one run of Extract: the normalised text, the parts of it already read as
// some fact, and the facts so far.
type extraction struct {
	s          string
	spans      [32]factSpan
	n          int
	breaks     [64]int32 // byte offsets of the clause breaks of s, in order
	nb         int
	manyBreaks bool // more breaks than fit: clause() scans instead
	brand, cat int  // indexes into the Lexicon, -1 when not found
	deniedCat  int  // a category named and set aside ("不是空调"), -1 when none
	catGuessed bool // the category came from the brand or the model, not from the words
	alsoAt     int  // where the words about a second appliance begin, -1 when none (alsoProduct)
	lx         *Lexicon
	f          Facts
	loose      bool // the symptom keeps any clause of Chinese words (LooseSymptom)
}

func newExtraction(text string) *extraction {
	x := new(extraction)
	x.init(text)
	return x
}

// init prepares x for reading text.
func (x *extraction) init(text string) {
	*x = extraction{s: normalizeText(text), brand: -1, cat: -1, deniedCat: -1, alsoAt: -1}
	for i, r := range x.s {
		if !isClauseBreak(r) {
			continue
		}
		if x.nb == len(x.breaks) {
			x.manyBreaks = true
			break
		}
		x.breaks[x.nb] = int32(i)
		x.nb++
	}
}

// clause returns the clause around byte i: from just after the previous clause break to
// just before the next one.
func (x *extraction) clause(i int) (start, end int) {
	if x.manyBreaks {
		return clauseBounds(x.s, i)
	}
	start, end = 0, len(x.s)
	for _, b := range x.breaks[:x.nb] {
		if int(b) >= i {
			return start, int(b)
		}
		start = int(b) + runeLen(x.s, int(b))
	}
	return start, end
}

// atClauseStart reports whether byte i starts a clause.
func (x *extraction) atClauseStart(i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(x.s[:i])
	return isClauseBreak(r)
}

// mark records that s[start:end] was read as a fact of kind k.
func (x *extraction) mark(start, end int, k spanKind) {
	if x.n < len(x.spans) && start < end {
		x.spans[x.n] = factSpan{start, end, k}
		x.n++
	}
}

// taken reports whether byte i is inside a part already read, and where that part ends.
func (x *extraction) taken(i int) (end int, ok bool) {
	for _, sp := range x.spans[:x.n] {
		if sp.start <= i && i < sp.end {
			return sp.end, true
		}
	}
	return i, false
}

// overlaps reports whether s[start:end] overlaps a part already read.
func (x *extraction) overlaps(start, end int) bool {
	for _, sp := range x.spans[:x.n] {
		if sp.start < end && start < sp.end {
			return true
		}
	}
	return false
}

// clauseBounds returns the clause around byte i: from just after the previous clause break
// to just before the next one.
func clauseBounds(s string, i int) (start, end int) {
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if isClauseBreak(r) {
			start = j
			break
		}
		j -= n
	}
	end = len(s)
	for j, r := range s[i:] {
		if isClauseBreak(r) {
			end = i + j
			break
		}
	}
	return start, end
}

// isClauseBreak reports whether r is one of clauseBreaks.
// spokenParts splits a message at its clause breaks and spaces: the parts a customer tells
// one by one ("滤网洗了还是滴。师傅多久能来？" gives "滤网洗了还是滴" and "师傅多久能来").
func spokenParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return isClauseBreak(r) || r == ' ' })
}

func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '。', ';', '；', '!', '！', '?', '？', '\n', '\r', '、', '~', '～', '…', '|':
		return true
	}
	return false
}

// normalizeText makes a message safe and uniform: invalid UTF-8 dropped, full-width Latin
// letters, digits and the symbols found in numbers (－／：＋．) made ASCII, the ideographic space
// a plain one, and the text cut to maxExtractBytes. Chinese punctuation is kept.
func normalizeText(s string) string {
	if len(s) > maxExtractBytes {
		cut := maxExtractBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	if !needsWidthFold(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldWidth(r))
	}
	return strings.TrimSpace(b.String())
}

func needsWidthFold(s string) bool {
	for i := 0; i < len(s); i++ {
		// Full-width forms are U+FF01..U+FF5E (EF BC 81 .. EF BD 9E); U+3000 is E3 80 80.
		if s[i] == 0xEF && i+1 < len(s) && (s[i+1] == 0xBC || s[i+1] == 0xBD) {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if foldWidth(r) != r {
				return true
			}
		}
		if s[i] == 0xE3 && strings.HasPrefix(s[i:], "\u3000") {
			return true
		}
	}
	return false
}

func foldWidth(r rune) rune {
	switch {
	case r == '\u3000':
		return ' '
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ',
		r == '－', r == '／', r == '：', r == '＋', r == '．', r == '＃':
		return r - 0xFEE0
	}
	return r
}

// wordSet builds a phraseSet whose values are the words themselves.
func wordSet(list ...[]string) *phraseSet[struct{}] {
	p := &phraseSet[struct{}]{}
	for _, l := range list {
		for _, w := range l {
			p.add(w, struct{}{})
		}
	}
	p.sort()
	return p
}

// The word lists of lexicon_words.go as lookup tables, built once.
var (
	setPurchaseVerbs   = wordSet(purchaseVerbs)
	setPurchaseLeadIns = wordSet(purchaseLeadIns)
	setDeliveryVerbs   = wordSet(deliveryVerbs)
	setDeliveryLeadIns = wordSet(deliveryLeadIns)
	setFaultAfterTime  = wordSet(faultAfterTime)
	setUnrelatedAfter  = wordSet(unrelatedAfterTime)
	setUpkeepAfter     = wordSet(upkeepAfterTime)
	setHedgesBefore    = wordSet(hedgesBefore)
	setHedgesAfter     = wordSet(hedgesAfter)
	setDurationVerbs   = wordSet(durationVerbs)
	setDurationFillers = wordSet(durationFillers)
	setNegations       = wordSet(negations)
	setNegationFillers = wordSet(negationFillers)
	setNoTrigger       = wordSet(noTriggerWords)
	setNoTriggerAnswer = wordSet(noTriggerWords, noTriggerAnswers)
	setWarranty        = wordSet(warrantyWords)
	setSerialCues      = wordSet(serialCues)
	setUnknown         = wordSet(unknownWords)
	setModelCues       = wordSet(modelCues)
	setCodeCuesBefore  = wordSet(errorCodeCuesBefore)
	setCodeCuesAfter   = wordSet(errorCodeCuesAfter)
	setPhoneCues       = wordSet(phoneCues)
	setHonorifics      = wordSet(honorifics)
	setCompoundSurname = wordSet(compoundSurnames)
	setNameStops       = wordSet(nameStops)
	setNotNames        = wordSet(notNames)
	setNotBareNames    = wordSet(notBareNames)
	setAddressCues     = wordSet(addressCues)
	setAddressDetails  = wordSet(addressDetails)
	setAddressAreas    = wordSet(addressAreas)
	setAddressStops    = wordSet(addressStops)
	setSymptomCues     = wordSet(symptomCues)
	setSymptomFillers  = wordSet(symptomFillers)
	setYes             = wordSet(yesWords)
	setNo              = wordSet(noWords)
	setUnsure          = wordSet(unsureWords)
)

// precededBy reports whether one of set's phrases ends exactly at byte i of s, looking at
// most maxRunes runes back, and returns where it starts.
func precededBy(set *phraseSet[struct{}], s string, i, maxRunes int) (start int, ok bool) {
	j := i
	for k := 0; k < maxRunes && j > 0; k++ {
		j = prevRuneStart(s, j)
		if set.spans(s, j, i) {
			return j, true
		}
	}
	return i, false
}

// skipBack moves back from byte i over phrases of set, returning the new position.
func skipBack(set *phraseSet[struct{}], s string, i int) int {
	for {
		j, ok := precededBy(set, s, i, 4)
		if !ok || j == i {
			return i
		}
		i = j
	}
}

// skipForward moves forward from byte i over phrases of set, returning the new position.
func skipForward(set *phraseSet[struct{}], s string, i, limit int) int {
	for i < limit {
		_, end, ok := set.at(s, i)
		if !ok || end > limit {
			return i
		}
		i = end
	}
	return i
}

// skipSpaces moves forward over spaces and the separators people put after a label.
func skipSeparators(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == ':' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], "是"), strings.HasPrefix(s[i:], "为"):
			i += len("是")
		default:
			return i
		}
	}
	return i
}

// negatedAt reports whether the phrase starting at byte i is denied: "没进水", "不是摔的",
// "也没有被摔过".
func negatedAt(s string, i int) bool {
	_, ok := negationStart(s, i)
	return ok
}

// negationStart is negatedAt that also returns where the negation starts.
func negationStart(s string, i int) (int, bool) {
	j := skipBack(setNegationFillers, s, i)
	return precededBy(setNegations, s, j, 3)
}
