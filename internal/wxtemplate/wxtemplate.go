// Package wxtemplate fits values into WeChat template messages under the rules of May 2023.
package wxtemplate

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Template messages follow WeChat's rules of May 2023: the first and remark lines are no
// longer shown, colours and emoji are dropped, and each value is shown only within its
// kind's limits — at most 20 characters, a phrase at most 5 汉字, a time in WeChat's time
// format. A value over its limit makes WeChat refuse the message (47003), so every value is
// fitted to its field's kind before it is sent; the whole update is on the customer's page
// the template links to.

// DefaultFields maps our values to a typical 售后/维修进度 template of the
// Official Account's template library: 工单编号 character_string1, 处理进度 thing2,
// 工单状态 phrase3, 更新时间 time4.
const DefaultFields = "number=character_string1,text=thing2,status=phrase3,time=time4"

// Values are the values a template field may carry (notify.template_fields).
var Values = []string{"number", "status", "text", "time", "product", "visit"}

// maxValue is the longest value WeChat shows in a template field, in characters.
const maxValue = 20

// maxPhrase is the longest phrase field, in 汉字.
const maxPhrase = 5

// Field kinds, from the field's key without its number: "thing2" is a thing.
const (
	kindThing     = "thing"            // text: 汉字, letters, digits, symbols
	kindString    = "character_string" // letters, digits and symbols
	kindPhrase    = "phrase"           // 汉字 only
	kindTime      = "time"             // 15:01, or 2019年10月1日 15:01, or a period with ~
	kindDate      = "date"             // like time
	kindNumber    = "number"           // digits
	kindAmount    = "amount"           // digits and 元
	kindName      = "name"             // a person's name, at most 10 characters
	kindPhone     = "phone_number"
	kindLetter    = "letter"
	kindSymbol    = "symbol"
	kindKeyword   = "keyword" // the old industry templates: any text, within 20 characters
	kindDropped   = ""        // first and remark: not shown since May 2023, never filled
	maxNameLength = 10
)

var trailingDigits = regexp.MustCompile(`\d+$`)

// FieldKind returns the kind of template field key: "thing" for "thing2", "" for first
// and remark, which WeChat no longer shows.
func FieldKind(key string) string {
	k := trailingDigits.ReplaceAllString(strings.ToLower(strings.TrimSpace(key)), "")
	switch k {
	case "first", "remark":
		return kindDropped
	}
	return k
}

// ParseFields reads "number=character_string1,status=phrase3" into a map.
func ParseFields(s string) map[string]string {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(pair), "="); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// Dropped returns the fields of the mapping that are never filled: first and remark,
// which WeChat no longer shows. An older configuration may still name them.
func Dropped(fields map[string]string) []string {
	var out []string
	for _, key := range fields {
		if FieldKind(key) == kindDropped {
			out = append(out, key)
		}
	}
	return out
}

// CheckFields reports the first problem of a template field mapping: a value we do not
// have, or a kind WeChat does not have. first and remark pass (see Dropped).
func CheckFields(fields map[string]string) error {
	for ours, key := range fields {
		if !contains(Values, ours) {
			return fmt.Errorf("%q is not one of %s", ours, strings.Join(Values, ", "))
		}
		switch FieldKind(key) {
		case kindDropped, kindThing, kindString, kindPhrase, kindTime, kindDate, kindNumber, kindAmount, kindName,
			kindPhone, kindLetter, kindSymbol, kindKeyword:
		default:
			return fmt.Errorf("%q is not a template field (like thing2, character_string1, phrase3, time4)", key)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FitValue returns v as template field key can show it: no emoji, no line breaks, only
// the characters its kind allows, and within its length, cut at a word boundary with "…"
// where the kind allows that character. It returns "" for first and remark.
func FitValue(key, v string) string {
	v = plain(v)
	switch kind := FieldKind(key); kind {
	case kindDropped:
		return ""
	case kindPhrase:
		return firstRunes(keep(v, isHan), maxPhrase)
	case kindString, kindLetter, kindSymbol, kindNumber, kindPhone:
		return strings.TrimSpace(firstRunes(keep(v, isASCIIPrintable), maxValue))
	case kindAmount:
		return firstRunes(keep(v, func(r rune) bool { return isASCIIPrintable(r) || r == '元' }), maxValue)
	case kindTime, kindDate:
		return fitTime(keep(v, func(r rune) bool { return isASCIIPrintable(r) || strings.ContainsRune("年月日", r) }))
	case kindName:
		return Cut(v, maxNameLength)
	default: // thing, keyword
		return Cut(v, maxValue)
	}
}

// Cut shortens s to at most max characters: when it is longer, it ends at the last
// punctuation mark or space in its second half, else between two 汉字 or before a run of
// letters and digits (a model number is not split unless it alone is too long), followed
// by "…".
func Cut(s string, max int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= max {
		return string(r)
	}
	limit := max - 1 // room for the ellipsis
	cut := -1
	for _, strong := range []bool{true, false} {
		least := limit / 2
		if !strong {
			least = 1 // rather a shorter text than a split model number
		}
		for i := limit; i >= least && i > 0; i-- {
			if boundary(r, i, strong) {
				cut = i
				break
			}
		}
		if cut > 0 {
			break
		}
	}
	if cut <= 0 {
		cut = limit
	}
	out := strings.TrimRightFunc(string(r[:cut]), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c)
	})
	if out == "" {
		out = string(r[:limit])
	}
	return out + "…"
}

// boundary reports whether a word may end before r[i]: strong boundaries are spaces and
// punctuation outside runs of letters and digits; weak ones fall between two 汉字 or at
// the edge of such a run.
func boundary(r []rune, i int, strong bool) bool {
	a, b := r[i-1], r[i]
	if inToken(a) && inToken(b) {
		return false // inside "KFR-35GW/BpXFW1"
	}
	if unicode.IsSpace(a) || unicode.IsSpace(b) || unicode.IsPunct(a) || unicode.IsPunct(b) {
		return true
	}
	return !strong
}

// inToken reports letters, digits and ASCII symbols: what model numbers are made of.
func inToken(r rune) bool { return r > ' ' && r < utf8.RuneSelf }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isASCIIPrintable(r rune) bool { return r >= 0x20 && r < 0x7f }

// plain removes what a template cannot show: emoji and other pictographs, variation
// selectors and joiners, control characters; line breaks and tabs become spaces, runs of
// spaces one.
func plain(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteRune(' ')
			}
			space = true
			continue
		case emoji(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r) && !isHan(r):
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// emoji reports pictographs, dingbats and their modifiers.
func emoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, // emoticons, pictographs, transport, flags, supplemental
		r >= 0x2600 && r <= 0x27BF,   // miscellaneous symbols and dingbats
		r >= 0x2B00 && r <= 0x2BFF,   // arrows and stars often drawn as emoji
		r >= 0xFE00 && r <= 0xFE0F,   // variation selectors
		r >= 0xE0000 && r <= 0xE007F, // tags
		r == 0x200D, r == 0x20E3:
		return true
	}
	return unicode.Is(unicode.So, r) && r >= 0x2190 // arrows on; letterlike ℃ № stay
}

var year = regexp.MustCompile(`\d{4}年`)

// fitTime keeps a time within 20 characters: a period too long loses its year, then its
// end.
func fitTime(v string) string {
	if utf8.RuneCountInString(v) > maxValue {
		v = year.ReplaceAllString(v, "")
	}
	if utf8.RuneCountInString(v) > maxValue {
		v, _, _ = strings.Cut(v, "~")
	}
	return firstRunes(strings.TrimSpace(v), maxValue)
}

func keep(s string, ok func(rune) bool) string {
	return strings.Map(func(r rune) rune {
		if ok(r) {
			return r
		}
		return -1
	}, s)
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// Data fits values into the template's fields: every field mapped in fields gets its
// value fitted to its kind; first and remark are never sent, nor empty values.
func Data(fields, values map[string]string) map[string]string {
	data := map[string]string{}
	for ours, key := range fields {
		if FieldKind(key) == kindDropped {
			continue
		}
		if v := FitValue(key, values[ours]); v != "" {
			data[key] = v
		}
	}
	return data
}
