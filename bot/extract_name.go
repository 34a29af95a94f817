package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishName is a name told in English after "my name (is)" or "name:": one to three
// capitalised words ("My name Tom Wilson", "name: Anna Lee").
var englishName = regexp.MustCompile(`(?:^|[^A-Za-z])(?:[Mm]y [Nn]ame(?: [Ii]s)?|[Nn]ame ?[:：]) ?([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})`)

// englishNameIn finds englishName in s; it needs "ame", which most messages lack.
func englishNameIn(s string) []int {
	if !strings.Contains(s, "ame") {
		return nil
	}
	return englishName.FindStringSubmatchIndex(s)
}

type nameCue struct{ surname, loose bool }

// nameCueSet maps the name cues of lexicon_words.go to what they introduce.
var nameCueSet = func() *phraseSet[nameCue] {
	p := &phraseSet[nameCue]{}
	for _, c := range nameCues {
		p.add(c.word, nameCue{c.surname, c.loose})
	}
	// a relative the customer writes for, with or without "我": "奶奶叫谭秀英", "俺娘姓李";
	// loose, so the name must start with a known surname ("老伴叫了半天" names no one)
	for _, kin := range kinWords {
		for _, pre := range []string{"", "我", "俺", "我家", "咱", "我们家"} {
			p.add(pre+kin+"叫", nameCue{false, true})
			p.add(pre+kin+"姓", nameCue{true, true})
		}
		// the relative whose name goes on the ticket: "名字写我媳妇吧 孙晓梅", "写我妈的名字 陈玉梅"
		for _, w := range []string{"名字写我" + kin + "吧", "名字写我" + kin + "的吧", "名字写我" + kin + "的", "名字写我" + kin,
			"写我" + kin + "的名字", "写我" + kin + "名字", "留我" + kin + "的名字"} {
			p.add(w, nameCue{false, true})
		}
	}
	p.add("名字", nameCue{false, true}) // "名字王磊 手机…": a label without 是 or a colon; a surname must follow
	p.sort()
	return p
}()

// surnameSet holds commonSurnames.
var surnameSet = func() map[rune]bool {
	m := make(map[rune]bool, utf8.RuneCountInString(commonSurnames))
	for _, r := range commonSurnames {
		m[r] = true
	}
	return m
}()

// name finds the customer's name after a cue ("我叫张三", "我姓王"), or as a surname with a
// title ("王先生") at the start of a clause.
func (x *extraction) name() {
	s := x.s
	if m := englishNameIn(s); m != nil {
		if _, taken := x.taken(m[2]); !taken { // "My name Tom Wilson, phone …": a foreigner's name as written
			x.f.Name = s[m[2]:m[3]]
			x.mark(m[2], m[3], spanName)
			return
		}
	}
	for i := 0; i < len(s); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		cue, end, ok := nameCueSet.at(s, i)
		if !ok {
			continue
		}
		if s[i:end] == "姓" && i > 0 && !isNameGap(s[i-1]) && !strings.HasSuffix(s[:i], "，") && !strings.HasSuffix(s[:i], "。") {
			continue // "姓潘，手机…" opens the message or a clause; "老百姓" names no one
		}
		start := skipSeparators(s, end)
		if cue.loose && !startsWithSurname(s, start) {
			continue
		}
		if name, nend, isSurname, ok := readName(s, start, cue.surname); ok {
			if next := nend + len(s[nend:]) - len(strings.TrimLeft(s[nend:], " ,，、:：")); isSurname && next > nend && strings.HasPrefix(s[next:], name) {
				// "姓赵，赵大刚": the whole name told after the surname
				if full, fend, fs, fok := readName(s, next, false); fok && !fs && len(full) > len(name) && !strings.HasPrefix(s[fend:], "的"+name) {
					// ("姓焦 焦急的焦" spells the surname out: no name 焦急)
					name, nend, isSurname = full, fend, false
				}
			}
			x.f.Name, x.f.NameSurname = name, isSurname
			x.mark(i, nend, spanName)
			return
		}
	}
	try := func(i int) bool {
		if i >= len(s) || s[i] < utf8.RuneSelf {
			return false
		}
		name, end, ok := readTitledSurname(s, i)
		if ok {
			x.f.Name, x.f.NameSurname = name, true
			x.mark(i, end, spanName)
		}
		return ok
	}
	// A titled surname counts at the start of a clause, or after "我是" or a space.
	if try(0) {
		return
	}
	for _, b := range x.breaks[:x.nb] {
		if try(int(b) + runeLen(s, int(b))) {
			return
		}
	}
	for _, lead := range []string{"我是", "我是楼下", "我是楼上", "我是隔壁", "我是对门", "我是对面", " "} { // "我是楼下老张"
		for from := 0; ; {
			k := strings.Index(s[from:], lead)
			if k < 0 {
				break
			}
			from += k + len(lead)
			if try(from) || lead != " " && x.familiarName(from) {
				return
			}
		}
	}
	x.nameBesideContact()
}

// familiarName reads a surname after 老 or 小 as the customer calls themself after "我是",
// standing as a word of its own: "我是楼下老张", "我是小李 电话…". Elsewhere such a word may be
// a brand ("小米") or anything else.
func (x *extraction) familiarName(i int) bool {
	s := x.s
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != '老' && r != '小' {
		return false
	}
	sr, ssize := utf8.DecodeRuneInString(s[i+size:])
	if !surnameSet[sr] {
		return false
	}
	end := i + size + ssize
	if end < len(s) {
		if next, _ := utf8.DecodeRuneInString(s[end:]); !isClauseBreak(next) && next != ' ' && !strings.ContainsRune("啊呀哦啦嘛吧呢哈", next) {
			return false
		}
	}
	if _, taken := x.taken(i); taken {
		return false
	}
	x.f.Name, x.f.NameSurname = s[i:end], false // 称呼 老张, not 姓老张
	x.mark(i, end, spanName)
	return true
}

// nameBesideContact reads a bare full name standing right next to a phone number or an
// address, as customers paste a contact block: "王建国 13812345678", "张三 北京市朝阳区…",
// "13812345678 刘芳". The name stands alone between separators, starts with a common
// surname and is two or three Chinese characters (four with a compound surname).
func (x *extraction) nameBesideContact() {
	s := x.s
	for _, sp := range x.spans[:x.n] {
		if sp.kind != spanPhone && sp.kind != spanAddress {
			continue
		}
		// the word just before the contact
		end := sp.start
		for end > 0 && isNameGap(s[end-1]) {
			end--
		}
		if end < sp.start || sp.kind == spanPhone {
			start := end
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:start])
				if !unicode.Is(unicode.Han, r) {
					break
				}
				start -= size
			}
			if x.takeBareName(start, end) {
				return
			}
		}
		// the word just after it
		start := sp.end
		for start < len(s) && isNameGap(s[start]) {
			start++
		}
		if start > sp.end || sp.kind == spanPhone {
			end := start
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if !unicode.Is(unicode.Han, r) {
					break
				}
				end += size
			}
			if x.takeBareName(start, end) {
				return
			}
		}
	}
}

// isNameGap is a byte that may stand between a contact and a name beside it.
func isNameGap(b byte) bool { return b == ' ' || b == ',' || b == ':' || b == '\t' }

// takeBareName takes s[start:end] as the name when it looks like one (nameBesideContact).
func (x *extraction) takeBareName(start, end int) bool {
	s := x.s
	if start >= end || x.overlaps(start, end) {
		return false
	}
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); !isClauseBreak(r) && !isNameGap(s[start-1]) && !isASCIIDigit(s[start-1]) {
			return false
		}
	}
	w := s[start:end]
	n := utf8.RuneCountInString(w)
	_, _, compound := setCompoundSurname.at(s, start)
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case compound && (n < 3 || n > 4), !compound && (!surnameSet[r] || n < 2 || n > 3):
		return false
	}
	for i := start + len(string(r)); i < end; i += runeLen(s, i) {
		if _, _, stop := setNameStops.at(s, i); stop {
			return false
		}
	}
	if _, _, bad := setNotNames.at(s, start); bad || setNotBareNames.contains(s, start, end) {
		return false
	}
	x.f.Name, x.f.NameSurname = w, false
	x.mark(start, end, spanName)
	return true
}

// readName reads a name at byte i: two to four Chinese characters (stopping before words
// that cannot be part of a name), a Latin name, or with surnameOnly a surname.
func readName(s string, i int, surnameOnly bool) (name string, end int, isSurname, ok bool) {
	if name, end, ok := readTitledSurname(s, i); ok {
		return name, end, true, true
	}
	if surnameOnly {
		if _, e, ok := setCompoundSurname.at(s, i); ok {
			return s[i:e], e, true, true
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); unicode.Is(unicode.Han, r) {
			return s[i : i+size], i + size, true, true
		}
		return "", i, false, false
	}
	if i < len(s) && isASCIILetter(s[i]) {
		end = i
		for end < len(s) && (isASCIILetter(s[end]) || s[end] == ' ' && end+1 < len(s) && isASCIILetter(s[end+1])) && end-i < 30 {
			end++
		}
		if end-i >= 2 {
			return s[i:end], end, false, true
		}
		return "", i, false, false
	}
	end = i
	for n := 0; n < 4 && end < len(s); n++ {
		if n > 0 {
			if _, _, stop := setNameStops.at(s, end); stop {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		end += size
	}
	if n := utf8.RuneCountInString(s[i:end]); n < 2 {
		return "", i, false, false
	}
	if _, _, bad := setNotNames.at(s, i); bad {
		return "", i, false, false
	}
	return s[i:end], end, false, true
}

// startsWithSurname reports whether the name at byte i starts with a known surname,
// possibly after 小/老/阿 ("小王"), or is Latin.
func startsWithSurname(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if isASCIILetter(s[i]) {
		return true
	}
	if _, _, ok := setCompoundSurname.at(s, i); ok {
		return true
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == '小' || r == '老' || r == '阿' {
		r, _ = utf8.DecodeRuneInString(s[i+size:])
	}
	return surnameSet[r]
}

// readTitledSurname reads a surname followed by a title at byte i: "王先生", "欧阳女士".
func readTitledSurname(s string, i int) (name string, end int, ok bool) {
	if _, e, ok := setCompoundSurname.at(s, i); ok {
		end = e
	} else if r, size := utf8.DecodeRuneInString(s[i:]); r >= utf8.RuneSelf && surnameSet[r] {
		end = i + size
	} else {
		return "", i, false
	}
	_, e, ok := setHonorifics.at(s, end)
	if !ok {
		return "", i, false
	}
	if w := s[end:e]; (w == "生" || w == "太" || w == "姐" || w == "哥") && e < len(s) {
		// one-character titles end the word: "李生", "陈太", but "王生产的", "张太多了" are none
		if r, _ := utf8.DecodeRuneInString(s[e:]); !isClauseBreak(r) && r != ' ' && !strings.ContainsRune("啊呀哦啦嘛吧呢哈就", r) {
			return "", i, false
		}
	}
	return s[i:e], e, true
}

// titledAddress finds a surname with a title said as how to be addressed, at a clause's
// start or after "叫", "叫我", "是", "系": "我妈姓周 叫周阿姨就行", "吾姓陈 陈阿婆", "系李生".
func titledAddress(s string) (string, bool) {
	for i := 0; i < len(s); i += runeLen(s, i) {
		at := i == 0
		if !at {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			at = isClauseBreak(r) || r == ' ' || r == '叫' || r == '是' || r == '系' || r == '喊' ||
				strings.HasSuffix(s[:i], "叫我") || strings.HasSuffix(s[:i], "喊我")
		}
		if !at {
			continue
		}
		if name, _, ok := readTitledSurname(s, i); ok {
			return name, true
		}
	}
	return "", false
}

// ParseName reads the answer to "how should we address you?": a full name ("张三",
// "我叫张三", "张三就行"), or a surname, alone or with a title ("我姓王" gives "王", "王女士"
// gives "王女士"). ok is false for answers that are not a name: refusals, digits, long
// sentences.
// fullNameBeside returns a clause of s that is a whole name starting with name's surname
// ("赵大刚" beside "姓赵"), or "".
func fullNameBeside(s, name string) string {
	sur, _ := utf8.DecodeRuneInString(strings.TrimPrefix(name, "姓"))
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) }) {
		r := []rune(part)
		if len(r) >= 2 && len(r) <= 4 && r[0] == sur && part != name && !strings.HasPrefix(part, "姓") {
			allHan := true
			for _, c := range r {
				allHan = allHan && unicode.Is(unicode.Han, c)
			}
			if allHan {
				return part
			}
		}
	}
	return ""
}

func ParseName(text string) (string, bool) {
	s := strings.Trim(normalizeText(text), clauseBreaks+" .")
	if s == "" || strings.ContainsAny(s, "0123456789") {
		return "", false
	}
	if _, end, ok := setNotNames.at(s, 0); ok && end >= len(s)-3 {
		return "", false
	}
	if name, ok := titledAddress(s); ok {
		return name, true // the form of address asked for wins over a bare surname
	}
	for i := 0; i < len(s); i += runeLen(s, i) {
		if cue, end, ok := nameCueSet.at(s, i); ok {
			if name, _, _, ok := readName(s, skipSeparators(s, end), cue.surname); ok {
				if full := fullNameBeside(s, name); full != "" {
					return full, true // "姓赵，赵大刚": the whole name told after the surname
				}
				return name, true
			}
		}
	}
	for _, p := range []string{"我是", "叫我", "我叫", "是", "我"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"就行了", "就行", "就好", "就可以", "吧", "啊", "呀", "哈", "的"} {
		s = strings.TrimSuffix(s, p)
	}
	if name, end, ok := readTitledSurname(s, 0); ok && end == len(s) {
		return name, true
	}
	n := utf8.RuneCountInString(s)
	allHan := true
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' {
			allHan = false
			break
		}
	}
	switch {
	case allHan && n >= 2 && n <= 5:
		if _, _, bad := setNotNames.at(s, 0); bad {
			return "", false
		}
		return s, true
	case allHan && n == 1 && surnameSet[[]rune(s)[0]]:
		return s, true
	case !allHan && len(s) <= 30:
		if name, end, _, ok := readName(s, 0, false); ok && end == len(s) {
			return name, true
		}
	}
	return "", false
}
