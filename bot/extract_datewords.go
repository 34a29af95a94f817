package bot

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// readDateAt reads the time expression starting at byte i, if any.
func readDateAt(s string, i int, today Date, targeted bool) (dateMention, bool) {
	if m, ok := readROCYear(s, i, today); ok {
		return m, true
	}
	if end, ok := readVagueYears(s, i); ok {
		return dateMention{start: i, end: end, vague: true, approx: true, role: rolePurchase, dflt: rolePurchase}, true
	}
	if m, ok := readDuration(s, i, today, targeted); ok {
		return m, true
	}
	if m, ok := readCalendarDate(s, i, today, targeted); ok {
		return m, true
	}
	if m, ok := readWeekday(s, i, today); ok {
		return m, true
	}
	if m, ok := readTimeWord(s, i, today); ok {
		return m, true
	}
	if m, ok := readSpanBack(s, i, today); ok {
		return m, true
	}
	if m, ok := readPartOfYear(s, i, today); ok {
		return m, true
	}
	if sp, ok := readSpan(s, i); ok {
		end := sp.end
		for _, ago := range []string{"以前", "之前", "前"} {
			if strings.HasPrefix(s[end:], ago) {
				m := dateMention{start: i, end: end + len(ago), approx: sp.approx || sp.months > 0, age: true,
					date: monthsDaysBack(today, sp.months, sp.days, sp.prec), dflt: roleStarted}
				if sp.prec != PrecisionDay {
					m.dflt = rolePurchase
				}
				return m, true
			}
		}
		if strings.HasPrefix(s[end:], "了") {
			// "不制冷三天了": a fault's age in days or weeks, a product's in months or years.
			m := dateMention{start: i, end: end + len("了"), approx: true, age: true,
				date: monthsDaysBack(today, sp.months, sp.days, sp.prec), role: roleStarted, dflt: roleStarted}
			if sp.prec != PrecisionDay {
				m.role, m.dflt = rolePurchase, rolePurchase
			}
			return m, true
		}
		if targeted {
			return dateMention{start: i, end: end, approx: true, role: rolePurchase, age: true,
				date: monthsDaysBack(today, sp.months, sp.days, sp.prec)}, true
		}
	}
	return dateMention{}, false
}

// readSpanBack reads a length of time counted back with 前 before it: "前两个月", "前半年",
// "前几个月买的". "前几年" is many years without a number, like "好几年": no date.
func readSpanBack(s string, i int, today Date) (dateMention, bool) {
	if !strings.HasPrefix(s[i:], "前") {
		return dateMention{}, false
	}
	j := i + len("前")
	if loc := vagueYears.FindStringIndex(s[j:]); loc != nil {
		return dateMention{start: i, end: j + loc[1], vague: true, approx: true, role: rolePurchase, dflt: rolePurchase}, true
	}
	sp, ok := readSpan(s, j)
	if !ok {
		return dateMention{}, false
	}
	m := dateMention{start: i, end: sp.end, approx: true, age: true, date: monthsDaysBack(today, sp.months, sp.days, sp.prec), dflt: roleStarted}
	if sp.prec != PrecisionDay {
		m.dflt = rolePurchase
	}
	return m, true
}

// readPartOfYear reads a part of a year named without the year: "上半年买的", "年初装的" are
// this year's, or last year's when that part has not come yet.
func readPartOfYear(s string, i int, today Date) (dateMention, bool) {
	for _, p := range standaloneYearParts {
		if strings.HasPrefix(s[i:], p.word) {
			d := Date{Year: today.Year, Month: p.month}
			if d.after(today) {
				d.Year--
			}
			return dateMention{start: i, end: i + len(p.word), approx: true, date: d, dflt: rolePurchase}, true
		}
	}
	return dateMention{}, false
}

// readDuration reads the age of a product: "买了两年", "用了三年多了", "刚买三天".
func readDuration(s string, i int, today Date, targeted bool) (dateMention, bool) {
	_, end, ok := setDurationVerbs.at(s, i)
	if !ok || batteryLife(s, i) {
		return dateMention{}, false
	}
	j := skipForward(setDurationFillers, s, end, len(s))
	if e, ok := readVagueYears(s, j); ok { // "用了好些年了"
		return dateMention{start: i, end: e, vague: true, approx: true, role: rolePurchase, dflt: rolePurchase}, true
	}
	sp, ok := readSpan(s, j)
	if !ok {
		return dateMention{}, false
	}
	end = sp.end
	if strings.HasPrefix(s[end:], "前") {
		return dateMention{}, false
	}
	if strings.HasPrefix(s[end:], "了") {
		end += len("了")
	}
	return dateMention{start: i, end: end, role: rolePurchase, approx: true, age: true,
		date: monthsDaysBack(today, sp.months, sp.days, sp.prec)}, true
}

// batteryLife reports a length of use the product lasts, not its age: "以前能用一周",
// "充一次可以用半个月", "满电能用两天" — the words before the verb at i say it can last.
func batteryLife(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	_, ok := endsWithAny(before, "能", "可以", "可", "能够", "只能", "足够", "得", "一次", "充满", "满电", "电")
	return ok
}

// vagueYears is an age of many years without a number: "好几年", "好些年", "很多年了",
// "有些年头", "多年". ("几年" after a number, "两三年", "十几年", are counts readSpan reads.)
var vagueYears = knowledge.MustFilter(`^(好几|好些|好多|很多|许多|不少|有些|有好些|有好几|有好多|有几|多|几)个?年(头|份)?(了)?`)

// readVagueYears reads a vague age of many years at byte i, and returns its end.
func readVagueYears(s string, i int) (int, bool) {
	loc := vagueYears.FindStringIndex(s[i:])
	if loc == nil {
		return i, false
	}
	if w := s[i : i+loc[1]]; strings.HasPrefix(w, "多") || strings.HasPrefix(w, "几") {
		// "多年" and "几年" stand alone only: "十多年", "三十几年" are counts, "几年买的" asks
		if prev := s[prevRuneStart(s, i):i]; i > 0 && (strings.ContainsAny(prev, "0123456789零〇一二三四五六七八九十两百") || strings.HasPrefix(s[i+loc[1]:], "买") && strings.HasPrefix(w, "几")) {
			return i, false
		}
		if prev := s[prevRuneStart(s, i):i]; i > 0 && strings.HasPrefix(w, "几") && strings.ContainsAny(prev, "保修管包用") {
			return i, false // "保修几年", "能用几年": asks how long, tells no age
		}
	}
	return i + loc[1], true
}

// timeSpan is a length of time: "三个月", "一年半", "十几天".
type timeSpan struct {
	months, days int
	prec         DatePrecision // of the date it leads back to
	approx       bool
	end          int
}

// readSpan reads a length of time at byte i.
func readSpan(s string, i int) (timeSpan, bool) {
	switch {
	case strings.HasPrefix(s[i:], "大半年"):
		return timeSpan{months: 8, prec: PrecisionMonth, approx: true, end: i + len("大半年")}, true
	case strings.HasPrefix(s[i:], "半年"):
		return timeSpan{months: 6, prec: PrecisionMonth, approx: true, end: i + len("半年")}, true
	case strings.HasPrefix(s[i:], "半个月"):
		return timeSpan{days: 15, prec: PrecisionDay, approx: true, end: i + len("半个月")}, true
	case strings.HasPrefix(s[i:], "个把月"), strings.HasPrefix(s[i:], "个多月"): // "买了个把月": a month or so
		return timeSpan{months: 1, prec: PrecisionMonth, approx: true, end: i + len("个把月")}, true
	}
	n, j, approx, ok := readCount(s, i)
	if !ok || n == 0 {
		return timeSpan{}, false
	}
	more := false
	if strings.HasPrefix(s[j:], "多") {
		more, j = true, j+len("多")
	}
	counter := strings.HasPrefix(s[j:], "个")
	if counter {
		j += len("个")
	}
	if strings.HasPrefix(s[j:], "多") {
		more, j = true, j+len("多")
	}
	halfMonth := counter && strings.HasPrefix(s[j:], "半月") // "一个半月"
	if halfMonth {
		j += len("半")
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	sp := timeSpan{approx: approx || more}
	half := 0 // half a unit, in days or months
	switch {
	case r == '年' && !counter:
		sp.months, sp.prec, half = n*12, PrecisionMonth, 6
	case r == '月' && counter:
		sp.months, sp.prec = n, PrecisionMonth
		if halfMonth {
			sp.days, sp.approx = 15, true
		}
	case r == '周' && !counter, r == '星' && strings.HasPrefix(s[j:], "星期"), r == '礼' && strings.HasPrefix(s[j:], "礼拜"):
		sp.days, sp.prec, half = n*7, PrecisionDay, 3
		if r != '周' {
			size = len("星期")
		}
	case (r == '天' || r == '日') && !counter:
		sp.days, sp.prec = n, PrecisionDay
	default:
		return timeSpan{}, false
	}
	j += size
	if r == '年' && !counter {
		// "一年零两个月", "两年又三个月", "一年两个月": the months after the years count too
		k := j
		for _, w := range []string{"零", "又", "多"} {
			if strings.HasPrefix(s[k:], w) {
				k += len(w)
				break
			}
		}
		if m, e, ap, ok := readCount(s, k); ok && m > 0 && m < 12 && strings.HasPrefix(s[e:], "个月") {
			sp.months += m
			sp.approx = sp.approx || ap || more
			sp.end = e + len("个月")
			return sp, true
		}
	}
	if strings.HasPrefix(s[j:], "半") {
		j += len("半")
		sp.approx = true
		more = true
		if r == '月' {
			sp.days += 15
			more = false
		}
	} else if strings.HasPrefix(s[j:], "多") {
		j += len("多")
		sp.approx, more = true, true
	}
	if more {
		if sp.prec == PrecisionMonth {
			sp.months += half
		} else {
			sp.days += half
		}
	}
	sp.end = j
	return sp, true
}

// readCalendarDate reads a date naming a year or a month: "2024-05-01", "2024年5月",
// "24年5月", "二零二三年", "6月15号", "去年6月", "今年年初".
func readCalendarDate(s string, i int, today Date, targeted bool) (dateMention, bool) {
	if i > 0 && (isASCIIAlnum(s[i-1]) || s[i-1] == '-' || s[i-1] == '/' || s[i-1] == '.') {
		return dateMention{}, false
	}
	m := dateMention{start: i, dflt: rolePurchase}
	if isASCIIDigit(s[i]) {
		y, end, n := readASCIIInt(s, i, 5)
		switch {
		case n == 4 && y >= 1990 && y <= today.Year+1:
			if end < len(s) && (s[end] == '-' || s[end] == '/' || s[end] == '.') {
				if d, e, ok := readNumericDate(s, end, y); ok {
					m.date, m.end = d, e
					return m, true
				}
			}
			if strings.HasPrefix(s[end:], "年") {
				m.date, m.end, m.approx = readAfterYear(s, end+len("年"), y)
				return m, true
			}
			if targeted || setPurchaseVerbs.contains(s, end, min(len(s), end+7)) {
				if end == len(s) || !isASCIIAlnum(s[end]) {
					m.date, m.end = Date{Year: y}, end
					return m, true
				}
			}
			return dateMention{}, false
		case n == 2 && strings.HasPrefix(s[end:], "年"):
			if rest := s[end+len("年"):]; strings.HasPrefix(rest, "前") || strings.HasPrefix(rest, "多") ||
				strings.HasPrefix(rest, "以前") || strings.HasPrefix(rest, "之前") || strings.HasPrefix(rest, "了") {
				return dateMention{}, false
			}
			y += 2000
			if y > today.Year {
				y -= 100
			}
			m.date, m.end, m.approx = readAfterYear(s, end+len("年"), y)
			return m, true
		}
	}
	if y, end, n := readDigitRun(s, i, 4); (n == 4 || n == 2 && !isASCIIDigit(s[i])) && strings.HasPrefix(s[end:], "年") {
		if n == 2 {
			y += 2000
			if y > today.Year {
				y -= 100
			}
		}
		if y >= 1990 && y <= today.Year+1 {
			if rest := s[end+len("年"):]; !strings.HasPrefix(rest, "前") && !strings.HasPrefix(rest, "多") {
				m.date, m.end, m.approx = readAfterYear(s, end+len("年"), y)
				return m, true
			}
		}
	}
	if md, end, ok := readMonthDay(s, i, today.Year); ok {
		if md.after(today) {
			md.Year--
		}
		m.date, m.end = md, end
		return m, true
	}
	for _, f := range shoppingFestivals {
		if strings.HasPrefix(s[i:], f.word) {
			d := Date{Year: today.Year, Month: festivalMonth(f.word, today.Year, f.month)}
			if d.after(today) {
				d.Year--
				d.Month = festivalMonth(f.word, d.Year, f.month)
			}
			m.date, m.end, m.approx = d, i+len(f.word), true
			return m, true
		}
	}
	return dateMention{}, false
}

// readNumericDate reads "-05-01", "/5/1", ".5.1" or "-05" after a four-digit year.
func readNumericDate(s string, i, year int) (Date, int, bool) {
	sep := s[i]
	mo, end, n := readASCIIInt(s, i+1, 2)
	if n == 0 || mo < 1 || mo > 12 {
		return Date{}, i, false
	}
	if end < len(s) && s[end] == sep {
		d, e, k := readASCIIInt(s, end+1, 2)
		if k > 0 && d >= 1 && d <= daysIn(year, mo) && (e == len(s) || !isASCIIAlnum(s[e])) {
			return Date{year, mo, d}, e, true
		}
		return Date{}, i, false
	}
	if end < len(s) && (isASCIIAlnum(s[end]) || s[end] == '.') {
		return Date{}, i, false
	}
	if sep == '.' && (strings.HasPrefix(s[end:], "元") || strings.HasPrefix(s[end:], "块")) {
		return Date{}, i, false
	}
	return Date{Year: year, Month: mo}, end, true
}

// readAfterYear reads what may follow "2024年" or "去年": a month and day, or a part of the
// year ("年底", "上半年"), which is approximate. Without either it returns the year alone.
func readAfterYear(s string, i, year int) (d Date, end int, approx bool) {
	j := i
	if strings.HasPrefix(s[j:], "的") { // "前年的三月底", "2021年的双十一"
		j += len("的")
	} else if strings.HasPrefix(s[j:], " ") { // "去年 618 买的"
		j++
	}
	for _, w := range []string{"冬天", "冬季", "冬"} {
		// winter straddles two years: only a month told after it counts ("去年冬天十一月买的")
		if k := j + len(w); strings.HasPrefix(s[j:], w) {
			k += len(s[k:]) - len(strings.TrimLeft(s[k:], " 的，,"))
			if md, end, ok := readMonthDay(s, k, year); ok {
				return md, end, false
			}
			return Date{Year: year}, k, false
		}
	}
	if md, end, ok := readMonthDay(s, j, year); ok {
		for _, tail := range []string{"初", "中", "底", "末", "左右"} {
			if strings.HasPrefix(s[end:], tail) {
				return md, end + len(tail), true
			}
		}
		return md, end, false
	}
	for _, p := range yearParts {
		if strings.HasPrefix(s[j:], p.word) {
			return Date{Year: year, Month: festivalMonth(p.word, year, p.month)}, j + len(p.word), true
		}
	}
	return Date{Year: year}, i, false
}

// readMonthDay reads "6月", "六月份", "6月15号", "十二月三日" in the given year.
func readMonthDay(s string, i, year int) (Date, int, bool) {
	if i < len(s) && strings.HasPrefix(s[i:], "两") {
		return Date{}, i, false
	}
	mo, end, approx, ok := readCount(s, i)
	if !ok || approx || mo < 1 || mo > 12 || !strings.HasPrefix(s[end:], "月") {
		return Date{}, i, false
	}
	end += len("月")
	if strings.HasPrefix(s[end:], "份") {
		end += len("份")
	}
	d := Date{Year: year, Month: mo}
	if day, e, approx, ok := readCount(s, end); ok && !approx && day >= 1 && day <= daysIn(year, mo) {
		if strings.HasPrefix(s[e:], "日") || strings.HasPrefix(s[e:], "号") {
			d.Day, end = day, e+len("日")
		}
	}
	return d, end, true
}

// dateStarts holds every rune a time expression can start with, so that scanDates skips
// the others at the cost of a bit test.
var dateStarts = func() *runeFilter {
	f := &runeFilter{}
	for _, r := range "0123456789零〇一二三四五六七八九十两幺壹贰叁肆伍陆柒捌玖半大好几很许不有多民" {
		f.add(r)
	}
	for _, w := range timeWords {
		f.addFirst(w.word)
	}
	for _, w := range durationVerbs {
		f.addFirst(w)
	}
	f.add('双')
	for _, r := range "周星礼上这本" {
		f.add(r) // a day of the week: "礼拜一", "上周五"
	}
	for _, p := range standaloneYearParts {
		f.addFirst(p.word)
	}
	for _, fest := range shoppingFestivals {
		f.addFirst(fest.word)
	}
	return f
}()

// timeWordSet maps the relative time words of lexicon_words.go to their index.
var timeWordSet = func() *phraseSet[int] {
	p := &phraseSet[int]{}
	for i, w := range timeWords {
		p.add(w.word, i)
	}
	p.sort()
	return p
}()

// readTimeWord reads a relative time word: "昨天", "上个月", "去年6月", "一直", "刚买".
func readTimeWord(s string, i int, today Date) (dateMention, bool) {
	k, end, ok := timeWordSet.at(s, i)
	if !ok {
		return dateMention{}, false
	}
	w := timeWords[k]
	m := dateMention{start: i, end: end, approx: w.approx, noDate: w.noDate, role: w.role, dflt: w.role}
	if w.noDate {
		return m, true
	}
	switch {
	case w.yearRelative:
		m.date, m.end, m.approx = readAfterYear(s, end, today.Year-w.yearOffset)
	default:
		m.date = monthsDaysBack(today, w.months, w.days, w.prec)
	}
	if m.dflt == roleEither {
		m.dflt = rolePurchase
		if m.date.Precision() == PrecisionDay {
			m.dflt = roleStarted
		}
	}
	return m, true
}

// rocYear is a year of the Republic of China calendar, as Taiwan writes dates: "民國114年買的"
// is 2025 (year 1 is 1912), with a month when one follows.
var rocYear = knowledge.MustFilter(`^(?:民国|民國)\s?(\d{2,3})\s?年(?:\s?(\d{1,2})\s?月)?`)

// readROCYear reads a Republic of China year at s[i:]; a year after today is none.
func readROCYear(s string, i int, today Date) (dateMention, bool) {
	m := rocYear.FindStringSubmatch(s[i:])
	if m == nil {
		return dateMention{}, false
	}
	n, _ := strconv.Atoi(m[1])
	d := Date{Year: 1911 + n}
	if m[2] != "" {
		if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
			d.Month = mo
		}
	}
	if d.Year > today.Year || d.Year < 1990 {
		return dateMention{}, false
	}
	return dateMention{start: i, end: i + len(m[0]), date: d, role: rolePurchase, dflt: rolePurchase}, true
}

// weekday is a day of the week named after 周, 星期 or 礼拜: "一" is Monday, "日"/"天" Sunday.
var weekdayWord = knowledge.MustFilter(`^(上上个|上上|上个|上|这个|这|本)?(周|星期|礼拜)([一二三四五六日天1-7])`)

// readWeekday reads a day of the week: "礼拜一送到" is the last Monday up to today (today
// when it is a Monday), "上礼拜五下的单" the Friday of the week before this one (weeks run
// Monday to Sunday), "这周三" this week's. A day after today is no date of the case.
func readWeekday(s string, i int, today Date) (dateMention, bool) {
	m := weekdayWord.FindStringSubmatchIndex(s[i:])
	if m == nil {
		return dateMention{}, false
	}
	prefix, num := "", s[i+m[6]:i+m[7]]
	if m[2] >= 0 {
		prefix = s[i+m[2] : i+m[3]]
	}
	want := strings.Index("一二三四五六日", num) / len("一") // Monday 0 … Sunday 6
	if num == "天" || num == "7" {
		want = 6
	} else if num >= "1" && num <= "7" && len(num) == 1 {
		want = int(num[0] - '1')
	}
	t := time.Date(today.Year, time.Month(today.Month), today.Day, 12, 0, 0, 0, time.UTC)
	now := (int(t.Weekday()) + 6) % 7 // Monday 0
	var back int
	switch prefix {
	case "":
		back = (now - want + 7) % 7 // the last such day, today included
	case "这个", "这", "本":
		back = now - want
	case "上个", "上":
		back = now - want + 7
	default: // 上上
		back = now - want + 14
	}
	if back < 0 {
		return dateMention{}, false // this week's day still to come
	}
	// a weekday alone is told of a delivery or the start of a fault ("礼拜一送到",
	// "周三开始不转"); alone, "周六上午" is a visit wished for, no date of the case
	dflt := roleNeither
	if prefix != "" {
		dflt = roleStarted
	}
	return dateMention{start: i, end: i + m[1], date: DateOf(t.AddDate(0, 0, -back)), role: roleEither, dflt: dflt}, true
}
