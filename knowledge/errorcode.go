package knowledge

import (
	"strings"
	"unicode/utf8"
)

// codeKey is the form error codes are compared in: normalised, without "-" ("E-1" and
// "e1" are the same code).
func codeKey(code string) string {
	return strings.ReplaceAll(Normalize(code), "-", "")
}

// validCode reports whether key (a codeKey) looks like a display code: ASCII letters and
// digits only.
func validCode(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isASCIIAlnum(rune(key[i])) {
			return false
		}
	}
	return true
}

// codeToken is a whole code candidate in normalised text: a maximal run of ASCII letters,
// digits and "-", so "e1" is never found inside "e10" or "kfr35e1".
type codeToken struct {
	key        string // codeKey of the run
	start, end int    // byte span in the text
}

// codeTokens lists the code candidates of the normalised text t.
func codeTokens(t string, buf []codeToken) []codeToken {
	for i := 0; i < len(t); {
		if !isCodeByte(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isCodeByte(t[j]) {
			j++
		}
		run := strings.Trim(t[i:j], "-")
		if run != "" {
			buf = append(buf, codeToken{key: strings.ReplaceAll(run, "-", ""), start: i, end: j})
		}
		i = j
	}
	return buf
}

func isCodeByte(c byte) bool { return isASCIIAlnum(rune(c)) || c == '-' }

// allDigits reports whether the key is a number ("88"): such codes count only after a cue.
func allDigits(key string) bool {
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return false
		}
	}
	return true
}

// codeCues are words announcing a display code; a numeric code ("88") counts only when one
// of them ends at most codeCueGap characters before it ("显示88", "报警码是88"), so
// "用了88天" is not an error code.
var codeCues = []string{"显示", "报", "码", "代码", "故障", "闪", "提示", "出现", "屏幕", "跳"}

const codeCueGap = 3

func hasCodeCue(t string, start int) bool {
	q := start
	for gap := 0; gap <= codeCueGap; gap++ {
		head := t[:q]
		for _, c := range codeCues {
			if strings.HasSuffix(head, c) {
				return true
			}
		}
		r, size := utf8.DecodeLastRuneInString(head)
		if size == 0 || r == ',' {
			return false
		}
		q -= size
	}
	return false
}
