package handlers

import (
	"fmt"
	"strings"
	"unicode"
)

// visible is the pages' "visible" template function: s with every invisible character
// replaced by a marker naming it, "⟨U+202E⟩". Customers' text can carry format
// characters that hide or disguise what they wrote — a zero-width space splitting a
// word (漏\u200b电), a right-to-left override reversing what follows, a soft hyphen, a
// BOM, tag characters — and staff must read the text as it is. The set is Unicode's
// format characters (Cf), the variation selectors and the other default-ignorable code
// points; static/common.js's intake.visible marks the same for the lines the scripts add.
//
// A variation selector U+FE0E/U+FE0F or a zero-width joiner that belongs to an emoji is
// kept: right after a symbol (So, Sk: ❤️, 👩🏽‍💻) or a kept selector (❤️‍🔥), and U+FE0F
// before the keycap U+20E3 (1️⃣).
//
// The result is plain text, still escaped by html/template like any other.
func visible(s string) string {
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	rs := []rune(s)
	emoji := false // the last rune written was a symbol or a kept variation selector
	for i, r := range rs {
		switch {
		case !invisible(r):
			b.WriteRune(r)
			emoji = unicode.In(r, unicode.So, unicode.Sk)
		case (r == '\uFE0E' || r == '\uFE0F') && (emoji || r == '\uFE0F' && i+1 < len(rs) && rs[i+1] == '\u20E3'):
			b.WriteRune(r)
			emoji = true
		case r == '\u200D' && emoji:
			b.WriteRune(r)
			emoji = false
		default:
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
			emoji = false
		}
	}
	return b.String()
}

// invisible reports a character a reader does not see: a format character, a
// variation selector or another default-ignorable code point.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}
