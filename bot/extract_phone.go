package bot

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// PhoneKind says whether a phone number is a mobile or a landline.
type PhoneKind string

// The kinds of phone number.
const (
	PhoneMobile   PhoneKind = "mobile"
	PhoneLandline PhoneKind = "landline"
	// PhoneAbroad is a number outside the mainland — Hong Kong, Macao, Taiwan or another
	// country — kept in international form ("+85291234567").
	PhoneAbroad PhoneKind = "abroad"
)

// Phone is a valid mainland Chinese phone number in canonical form: a mobile as its 11
// digits ("13800138000"), a landline as area code, hyphen, local number ("010-12345678").
type Phone struct {
	Number string    `json:"n,omitempty"`
	Kind   PhoneKind `json:"k,omitempty"`
}

// IsZero reports whether p is no number.
func (p Phone) IsZero() bool { return p.Number == "" }

// E164 returns the number in international form, "+8613800138000", or "" for no number.
func (p Phone) E164() string {
	if p.Number == "" {
		return ""
	}
	if p.Kind == PhoneAbroad {
		return p.Number
	}
	return "+86" + strings.TrimPrefix(strings.ReplaceAll(p.Number, "-", ""), "0")
}

// Why a phone number was refused. ParsePhone returns one of them, so the dialog can say
// what to fix; Extract puts one in Facts.PhoneErr.
var (
	ErrPhoneEmpty      = errors.New("phone: no number given")
	ErrPhoneLetters    = errors.New("phone: letters mixed into the number")
	ErrPhoneTooShort   = errors.New("phone: too few digits")
	ErrPhoneTooLong    = errors.New("phone: too many digits")
	ErrPhoneNoAreaCode = errors.New("phone: landline without area code")
	ErrPhoneNotMobile  = errors.New("phone: not a valid mobile number")
	ErrPhoneInvalid    = errors.New("phone: not a valid mainland China number")
)

// ParsePhone reads the answer to "what is your phone number?": an 11-digit mobile, with or
// without +86/86 and spaces or dashes ("138 0013 8000", "+86-138-0013-8000"), or a landline
// with its area code ("010-12345678", "0755 8888 6666", "(021)12345678"). Digits read out
// by voice recognition in Chinese ("幺三八…") count too. The error says why the answer is
// not a number that can be called.
func ParsePhone(text string) (Phone, error) {
	s := chineseDigitsToASCII(normalizeText(text))
	var best phoneCandidate
	for i := 0; i < len(s); {
		c, ok := readPhoneCandidate(s, i, false)
		if !ok {
			i += runeLen(s, i)
			continue
		}
		if c.n > best.n {
			best = c
		}
		i = c.end
	}
	if best.n == 0 {
		if hasDigitLetterToken(s) {
			return Phone{}, ErrPhoneLetters
		}
		return Phone{}, ErrPhoneEmpty
	}
	p, err := validatePhone(best.digitString(), best.plus)
	if err != nil {
		if abroad, ok := phoneAbroad(best.digitString(), best.plus, s); ok {
			return abroad, nil // asked for a number, "+852 9123 4567" or "我係香港嘅 9123 4567" is one
		}
	}
	if err != nil && hasDigitLetterToken(s) {
		return Phone{}, ErrPhoneLetters
	}
	return p, err
}

// regionWords name where a number without its country code is from.
var regionWords = []struct {
	re     *knowledge.Filtered
	region string
}{
	{knowledge.MustFilter(`香港|hk|hong ?kong`), "HK"},
	{knowledge.MustFilter(`澳门|macau|macao`), "MO"},
	{knowledge.MustFilter(`台湾|台北|台中|台南|高雄|taiwan`), "TW"},
}

// placeAbroad is the place outside the mainland a message says the customer is in or
// calls from ("我喺香港", "我人在台中", "住澳门"), "" for none. A product bought there is
// another matter (cueProofDoubt): "香港买的" is no address.
func placeAbroad(s string) string {
	for _, m := range cuePlaceAbroad.FindAllStringSubmatchIndex(s, -1) {
		if bought.MatchString(s[m[1]:min(len(s), m[1]+12)]) {
			continue // "在香港买的": where it was bought, not where the customer is
		}
		if m[2] >= 0 {
			return s[m[2]:m[3]]
		}
		return s[m[4]:m[5]]
	}
	return ""
}

// bought follows a place where something was bought: "(在香港)买的", "(台湾)带回来的".
var bought = knowledge.MustFilter(`^(的)?(那边|那里|那儿)?(买|购|带|代购|入手|寄|淘)`)

// cuePlaceAbroad names Hong Kong, Macao or Taiwan (or a city there) as where the customer is.
var cuePlaceAbroad = knowledge.MustFilter(`(?:在|喺|住|人在|住在|身在|我系|我是|位于|地址|地址是|来自)[:： ]?(香港|九龙|新界|澳门|台湾|台北|新北|桃园|台中|台南|高雄|新竹)|^(香港|九龙|新界|澳门|台湾|台北|新北|桃园|台中|台南|高雄|新竹)[^买购]{0,12}(区|路|街|道|号|楼|邨|村|大厦)`)

// phoneAbroad reads a number the mainland's plan refuses as one from elsewhere: written
// with its country code ("+852 9123 4567", "00886912345678"), or a local number of Hong
// Kong, Macao or Taiwan when the message says so, or a Taiwan mobile (09xxxxxxxx).
func phoneAbroad(d string, plus bool, text string) (Phone, bool) {
	try := func(number, region string) (Phone, bool) {
		n, err := phonenumbers.Parse(number, region)
		if err != nil || !phonenumbers.IsValidNumber(n) || n.GetCountryCode() == 86 {
			return Phone{}, false
		}
		return Phone{Number: phonenumbers.Format(n, phonenumbers.E164), Kind: PhoneAbroad}, true
	}
	switch {
	case plus:
		return try("+"+d, "")
	case strings.HasPrefix(d, "00"):
		return try("+"+d[2:], "")
	case strings.HasPrefix(d, "852") || strings.HasPrefix(d, "853") || strings.HasPrefix(d, "886"):
		if p, ok := try("+"+d, ""); ok {
			return p, true
		}
	}
	lower := strings.ToLower(text)
	for _, r := range regionWords {
		if r.re.MatchString(lower) {
			return try(d, r.region)
		}
	}
	if len(d) == 10 && strings.HasPrefix(d, "09") {
		return try(d, "TW") // a Taiwan mobile; the mainland has no 09 mobile numbers
	}
	return Phone{}, false
}

// phone finds a phone number in a free message. A mobile counts anywhere; a landline only
// after a cue ("电话") or when written with its area code set apart. A number that is not
// valid is reported in PhoneErr only when it was clearly meant as one: after a cue, or 10
// to 12 digits starting with 1 (a mistyped mobile).
func (x *extraction) phone() {
	defer x.spokenPhone()
	s := x.s
	for i := 0; i < len(s); {
		if end, ok := x.taken(i); ok {
			i = end
			continue
		}
		c, ok := readPhoneCandidate(s, i, true)
		if !ok {
			i += runeLen(s, i)
			continue
		}
		i = c.end
		cueStart, cue := precededBy(setPhoneCues, s, skipLabelBack(s, c.start), 4)
		if !cue {
			cueStart = c.start
		}
		if c.n < 7 && !(cue && c.n >= 5) {
			continue
		}
		p, err := validatePhone(c.digitString(), c.plus)
		if k := nextGroup(s, c); err != nil && k > 0 {
			if c2, ok := readPhoneCandidate(s, k, true); ok {
				if p2, err2 := validatePhone(c2.digitString(), c2.plus); err2 == nil && p2.Kind == PhoneMobile {
					i = k // "尾号是16 13857198816": a short number before the mobile, not part of it
					continue
				}
			}
		}
		if err == nil && (p.Kind == PhoneMobile || cue || c.grouped) {
			x.f.Phone, x.f.PhoneErr = p, nil
			x.mark(cueStart, c.end, spanPhone)
			x.secondPhone(cueStart, c.end)
			return
		}
		if err != nil && (cue || c.plus || c.n == 10 && strings.HasPrefix(c.digitString(), "09") || placeAbroad(s) != "") {
			// "電話 9123 4567，我喺香港", "0912-345-678": a number of Hong Kong, Macao or
			// Taiwan is stored as given, in international form, never refused in silence
			if abroad, ok := phoneAbroad(c.digitString(), c.plus, s); ok {
				x.f.Phone, x.f.PhoneErr = abroad, nil
				x.mark(cueStart, c.end, spanPhone)
				return
			}
		}
		if err != nil && x.f.PhoneErr == nil && (cue || c.n >= 10 && c.n <= 12 && c.digits[0] == '1') {
			x.f.PhoneErr = err
			x.mark(cueStart, c.end, spanPhone)
		}
	}
}

// secondPhone reads another valid number after the one kept at s[start:end] ("我电话138…
// 上门的话打我妈的 027-…", "租客电话135…，我的电话136…，上门请联系租客"): the customer's own
// number is kept as the phone (the first, unless only the second is told as theirs); the
// other, with whose it is and whether the visit goes to it, is kept as OtherPhone, a
// second contact on the ticket. A landline counts when told with a cue or its area code.
func (x *extraction) secondPhone(start, end int) {
	s := x.s
	for i := end; i < len(s); {
		c, ok := readPhoneCandidate(s, i, true)
		if !ok {
			i += runeLen(s, i)
			continue
		}
		i = c.end
		p, err := validatePhone(c.digitString(), c.plus)
		if err != nil || p == x.f.Phone {
			continue
		}
		cueStart, cue := precededBy(setPhoneCues, s, skipLabelBack(s, c.start), 4)
		if p.Kind != PhoneMobile && !cue && !c.grouped {
			continue
		}
		if !cue {
			cueStart = c.start
		}
		firstWho, firstVisit := phoneOwner(s, start)
		secondWho, secondVisit := phoneOwner(s, cueStart)
		if who := visitContact.FindStringSubmatch(s[c.end:]); who != nil {
			// "…，上门请联系租客": the visit goes to the number told as 租客's
			firstVisit = firstVisit || whose(numberWithLabel(s, start, end), who[1])
			secondVisit = secondVisit || whose(numberWithLabel(s, cueStart, c.end), who[1])
		}
		if firstWho != "" && secondWho == "" {
			// "我妈手机135…，我的136…": the customer's own number is the second
			x.f.OtherPhone = otherPhoneWords(s, start, end, firstWho, firstVisit)
			x.f.Phone = p
		} else {
			x.f.OtherPhone = otherPhoneWords(s, cueStart, c.end, secondWho, secondVisit)
		}
		x.mark(cueStart, c.end, spanPhone)
		return
	}
	if who, visit := phoneOwner(s, start); who != "" {
		// "上门前先打我妈家座机027-88765432": the one number told is someone else's
		x.f.OtherPhone = otherPhoneWords(s, start, end, who, visit)
	}
}

// phoneRole names someone other than the customer a number is told as belonging to, just
// before it: "我妈的 ", "我妈家座机", "物业电话", "前台", "我儿子手机是".
var phoneRole = knowledge.MustFilter(`(妈妈|爸爸|老妈|老爸|母亲|父亲|妈|爸|儿子|女儿|闺女|老伴|老婆|老公|爱人|媳妇|对象|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|外公|外婆|姥姥|姥爷|婆婆|公公|岳母|岳父|丈母娘|家属|亲戚|邻居|朋友|同事|租客|房东|物业|前台|保安|门卫|保姆)` +
	`(家|那边)?(的)?[ ]?(电话|手机|手机号|号码|号|座机|固话|家里座机|联系方式)?(号码|是|为)?[:： ]*$`)

// cueVisitContact tells that a number is for the visit: "上门的话打…", "师傅来之前打…", "到了打…".
var cueVisitContact = knowledge.MustFilter(`上门|师傅|来的时候|来之前|来前|来了|到了|到家|现场|安装`)

// phoneOwner reads the words before a number at s[start:], back to the clause or the number
// before it: who the number belongs to when it is not the customer ("我妈", "物业"; "" when
// it is theirs or nobody is named), and whether it is the one for the visit.
func phoneOwner(s string, start int) (who string, visit bool) {
	who, visit, _ = phoneOwnerAt(s, start)
	return who, visit
}

// phoneOwnerAt is phoneOwner with where the words naming whose the number is begin ("我妈的
// 027-…" from 我).
func phoneOwnerAt(s string, start int) (who string, visit bool, at int) {
	from := start
	for k := 0; k < 16 && from > 0; k++ {
		j := prevRuneStart(s, from)
		if r := firstRune(s[j:]); strings.ContainsAny(r, clauseBreaks) || isASCIIDigit(s[j]) {
			break
		}
		from = j
	}
	label := s[from:start]
	loc := phoneRole.FindStringSubmatchIndex(label)
	if loc == nil {
		return "", false, start
	}
	who, at = label[loc[2]:loc[3]], from+loc[0]
	if strings.HasSuffix(s[:at], "我") {
		who, at = "我"+who, at-len("我")
	}
	return who, cueVisitContact.MatchString(label), at
}

// otherPhoneWords is how a second number is kept for staff: the words it was told with when
// they name whose it is ("我妈手机13512345678"), else whose and the number ("我妈
// 027-88765432"), marked when the visit goes to it.
func otherPhoneWords(s string, start, end int, who string, visit bool) string {
	words := numberWithLabel(s, start, end)
	if who != "" {
		_, _, at := phoneOwnerAt(s, start)
		words = strings.TrimSpace(s[at:end]) // "上门前先打我妈家座机027-…": from 我妈
	}
	if visit {
		return catalog.T("bot.value.visit_contact", "contact", words)
	}
	return words
}

// visitContact names who the engineer is to call: "上门请联系租客", "联系我老婆", "打给我妈".
var visitContact = knowledge.MustFilter(`(?:联系|找|打给|打)(我妈|我爸|我老婆|我老公|租客|房东|我|他|她|\p{Han}{2})`)

// whose reports a number told with words naming who: "我的13600001111" is 我's, "我妈手机
// 135…" is 我妈's and not 我's.
func whose(told, who string) bool {
	label := told
	if i := strings.IndexAny(told, "0123456789+"); i >= 0 {
		label = told[:i]
	}
	rest, ok := strings.CutPrefix(label, who)
	if !ok {
		return false
	}
	for _, w := range []string{"", "的", "电话", "手机", "号", "是", ":", "："} {
		if rest == w || w != "" && strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// numberWithLabel is a number told at s[start:end] with the words naming whose it is, back
// to the break before it: "我的电话13600001111", "我老婆电话 13900001111".
func numberWithLabel(s string, start, end int) string {
	from := 0
	if k := strings.LastIndexAny(s[:start], clauseBreaks+" "); k >= 0 {
		from = k + len(firstRune(s[k:]))
	}
	return strings.TrimSpace(s[from:end])
}

// phoneCandidate is a run of digits that may be a phone number.
type phoneCandidate struct {
	start, end int
	digits     [16]byte
	n          int
	plus       bool // written with a leading "+"
	grouped    bool // digits set apart by spaces, dashes or brackets
}

func (c *phoneCandidate) digitString() string { return string(c.digits[:c.n]) }

// readPhoneCandidate reads digits at byte i, allowing single spaces, dashes and brackets
// between them and a leading "+". strict refuses runs that are plainly something else: glued
// to Latin letters (a model or serial), a decimal or an amount ("2999元").
// nextGroup is where the second group of digits of a grouped candidate starts, 0 when it
// has one group.
func nextGroup(s string, c phoneCandidate) int {
	j := c.start
	for j < c.end && (isASCIIDigit(s[j]) || s[j] == '+' || s[j] == '(') {
		j++
	}
	for j < c.end && !isASCIIDigit(s[j]) {
		j++
	}
	if j >= c.end {
		return 0
	}
	return j
}

func readPhoneCandidate(s string, i int, strict bool) (phoneCandidate, bool) {
	c := phoneCandidate{start: i}
	if b := s[i]; !isASCIIDigit(b) && b != '+' && b != '(' || i > 0 && isASCIIDigit(s[i-1]) {
		return c, false
	}
	if strict && i > 0 && (isASCIILetter(s[i-1]) || (s[i-1] == '-' || s[i-1] == '/' || s[i-1] == '.') && i > 1 && isASCIIAlnum(s[i-2])) {
		return c, false
	}
	if strict && (strings.HasSuffix(s[:i], "¥") || strings.HasSuffix(s[:i], "￥") || strings.HasSuffix(s[:i], "$")) {
		return c, false
	}
	j := i
	if j < len(s) && s[j] == '+' {
		c.plus = true
		j++
	}
	if j < len(s) && s[j] == '(' {
		j++
	}
	if j >= len(s) || !isASCIIDigit(s[j]) {
		return c, false
	}
	end, seps := j, 0
	for j < len(s) {
		b := s[j]
		switch {
		case isASCIIDigit(b):
			if c.n == len(c.digits) {
				return c, false // too long for any phone number
			}
			c.digits[c.n] = b
			c.n++
			seps = 0
			j++
			end = j
		case b == ' ' || b == '-' || b == '(' || b == ')':
			seps++
			if seps > 3 { // "159 - 0011 - 2233": a dash with a space either side
				j = len(s)
				break
			}
			j++
			if b == ')' {
				end = j
			}
		default:
			j = len(s)
		}
	}
	c.end = end
	c.grouped = strings.ContainsAny(s[c.start:c.end], " -()")
	if c.n == 0 {
		return c, false
	}
	if strict && end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		switch {
		case next < utf8.RuneSelf && isASCIILetter(byte(next)):
			return c, false
		case next == '.' && end+1 < len(s) && isASCIIDigit(s[end+1]):
			return c, false
		case strings.ContainsRune("元块%％年月日号个台次度米平瓦伏", next):
			return c, false
		}
	}
	return c, true
}

// validatePhone checks the digits of a number and puts it in canonical form.
func validatePhone(d string, plus bool) (Phone, error) {
	switch {
	case strings.HasPrefix(d, "0086"):
		d = d[4:]
	case plus && strings.HasPrefix(d, "86"):
		d = d[2:]
	case len(d) == 13 && strings.HasPrefix(d, "861"):
		d = d[2:]
	case plus:
		return Phone{}, ErrPhoneInvalid // another country
	}
	switch {
	case len(d) < 7:
		return Phone{}, ErrPhoneTooShort
	case d[0] == '1':
		if len(d) < 11 {
			return Phone{}, ErrPhoneTooShort
		}
		if len(d) > 11 {
			return Phone{}, ErrPhoneTooLong
		}
		if cnNumberPatterns().mobile.MatchString(d) {
			return Phone{Number: d, Kind: PhoneMobile}, nil
		}
		return Phone{}, ErrPhoneNotMobile
	case d[0] == '0':
		if len(d) < 10 {
			return Phone{}, ErrPhoneTooShort
		}
		if len(d) > 12 {
			return Phone{}, ErrPhoneTooLong
		}
		nsn := d[1:]
		if !cnNumberPatterns().fixed.MatchString(nsn) {
			return Phone{}, ErrPhoneInvalid
		}
		// Mainland area codes are two digits for Beijing (10) and the 2x cities, three elsewhere.
		area := 3
		if nsn[0] == '1' || nsn[0] == '2' {
			area = 2
		}
		return Phone{Number: d[:1+area] + "-" + nsn[area:], Kind: PhoneLandline}, nil
	case len(d) <= 8:
		return Phone{}, ErrPhoneNoAreaCode
	case len(d) > 12:
		return Phone{}, ErrPhoneTooLong
	}
	return Phone{}, ErrPhoneInvalid
}

// cnNumberPatterns are libphonenumber's patterns for mainland China's mobile and fixed-line
// national numbers, compiled once. Matching them directly costs about a microsecond, where
// phonenumbers.Parse and GetNumberType cost tens (they try every number type in turn); the
// patterns stay the library's, so they are updated with it.
var cnNumberPatterns = sync.OnceValue(func() (p struct{ mobile, fixed *regexp.Regexp }) {
	// Fallbacks, used only if the library's metadata cannot be read.
	mobile := `1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}`
	fixed := `(?:10|2\d|[3-9]\d{2})[2-8]\d{6,7}`
	if coll, err := phonenumbers.MetadataCollection(); err == nil {
		for _, md := range coll.GetMetadata() {
			if md.GetId() == "CN" {
				mobile = md.GetMobile().GetNationalNumberPattern()
				fixed = md.GetFixedLine().GetNationalNumberPattern()
			}
		}
	}
	p.mobile = regexp.MustCompile(`^(?:` + mobile + `)$`)
	p.fixed = regexp.MustCompile(`^(?:` + fixed + `)$`)
	return p
})

// spokenPhone reads a number written in Chinese digits after a phone word, as voice input
// writes it ("电话是一三八零零一三八零零零"), when no number in ASCII digits was found.
func (x *extraction) spokenPhone() {
	if !x.f.Phone.IsZero() || x.f.PhoneErr != nil {
		return
	}
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if _, ok := digitValue(r); !ok || r < utf8.RuneSelf {
			continue
		}
		end, n := i, 0
		var digits strings.Builder
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if v, ok := digitValue(r); ok && r >= utf8.RuneSelf {
				digits.WriteByte(byte('0' + v))
				n++
			} else if r != ' ' {
				break
			}
			end += size
		}
		if n < 7 {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		cueStart, cue := precededBy(setPhoneCues, s, skipLabelBack(s, i), 4)
		if x.overlaps(i, end) {
			return
		}
		// eleven digits of a mobile need no phone word: "说错了 是一三九零零一三九零零零"
		if p, err := validatePhone(digits.String(), false); err == nil && (cue || p.Kind == PhoneMobile && n == 11) {
			x.f.Phone = p
			x.mark(cueStart, end, spanPhone)
		}
		return
	}
}

// chineseDigitsToASCII rewrites runs of at least seven digits with Chinese ones among them
// ("幺三八零零…" as voice recognition may write a number, "1三8 1234 5678" typed half and
// half) as ASCII digits; other text is left alone.
func chineseDigitsToASCII(s string) string {
	run, chinese, found := 0, 0, false
	for _, r := range s {
		if _, ok := digitValue(r); ok && r >= utf8.RuneSelf {
			run++
			chinese++
		} else if r >= '0' && r <= '9' {
			run++
		} else if r != ' ' {
			run, chinese = 0, 0
		}
		if run >= 7 && chinese > 0 {
			found = true
			break
		}
	}
	if !found {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if d, ok := digitValue(r); ok && r >= utf8.RuneSelf {
			b.WriteByte(byte('0' + d))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasDigitLetterToken reports whether s holds a run of ASCII letters and digits with at
// least five digits and a letter: a number with an "O" for a zero, or "I" for a one.
func hasDigitLetterToken(s string) bool {
	digits, letters := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isASCIIAlnum(s[i]) {
			if isASCIIDigit(s[i]) {
				digits++
			} else {
				letters++
			}
			continue
		}
		if digits >= 5 && letters > 0 {
			return true
		}
		digits, letters = 0, 0
	}
	return false
}
