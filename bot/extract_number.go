package bot

import "unicode/utf8"

// digitValue is the value of an ASCII or Chinese digit: 0-9, 零〇一二三四五六七八九, 两 and
// 幺 (how "1" is read out in phone numbers).
func digitValue(r rune) (int, bool) {
	switch r {
	case '0', '零', '〇':
		return 0, true
	case '1', '一', '幺', '壹':
		return 1, true
	case '2', '二', '两', '贰':
		return 2, true
	case '3', '三', '叁':
		return 3, true
	case '4', '四', '肆':
		return 4, true
	case '5', '五', '伍':
		return 5, true
	case '6', '六', '陆':
		return 6, true
	case '7', '七', '柒':
		return 7, true
	case '8', '八', '捌':
		return 8, true
	case '9', '九', '玖':
		return 9, true
	}
	return 0, false
}

// readASCIIInt reads up to max ASCII digits at byte i; n is the number of digits read.
func readASCIIInt(s string, i, max int) (v, end, n int) {
	end = i
	for end < len(s) && n < max && isASCIIDigit(s[end]) {
		v = v*10 + int(s[end]-'0')
		end++
		n++
	}
	return v, end, n
}

// readCount reads a small count at byte i of s, as people say it: "3", "12", "三", "十二",
// "二十", "两", "几" (a few: 3), "十几" (15), "两三" (3), "一两" (2), "好几" (3). approx is
// true for the vague ones. It does not read "半"; callers handle halves.
func readCount(s string, i int) (n, end int, approx, ok bool) {
	if i >= len(s) {
		return 0, i, false, false
	}
	if isASCIIDigit(s[i]) {
		v, e, k := readASCIIInt(s, i, 3)
		return v, e, false, k > 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '几':
		return 3, i + size, true, true
	case '好':
		if r2, size2 := utf8.DecodeRuneInString(s[i+size:]); r2 == '几' {
			return 3, i + size + size2, true, true
		}
		return 0, i, false, false
	case '十':
		end = i + size
		if r2, size2 := utf8.DecodeRuneInString(s[end:]); r2 == '几' {
			return 15, end + size2, true, true
		} else if d, ok := digitValue(r2); ok && d > 0 && r2 != '两' {
			return 10 + d, end + size2, false, true
		}
		return 10, end, false, true
	}
	d, isDigit := digitValue(r)
	if !isDigit || d == 0 || r == '幺' {
		return 0, i, false, false
	}
	end = i + size
	r2, size2 := utf8.DecodeRuneInString(s[end:])
	switch {
	case r2 == '十':
		end += size2
		if r3, size3 := utf8.DecodeRuneInString(s[end:]); r3 == '几' {
			return d*10 + 5, end + size3, true, true
		} else if d3, ok := digitValue(r3); ok && d3 > 0 && r3 != '两' {
			return d*10 + d3, end + size3, false, true
		}
		return d * 10, end, false, true
	case r2 == '几':
		return d + 1, end + size2, true, true
	default:
		if d2, ok := digitValue(r2); ok && (r2 != '两' || d == 1) && r2 != '幺' && d2 == d+1 {
			// "两三", "三四": a range; take the larger.
			return d2, end + size2, true, true
		}
	}
	return d, end, false, true
}

// readDigitRun reads a run of single digits, ASCII or Chinese, at byte i: "2024", "二零二四".
// It stops after max digits.
func readDigitRun(s string, i, max int) (v, end, n int) {
	end = i
	for end < len(s) && n < max {
		r, size := utf8.DecodeRuneInString(s[end:])
		d, ok := digitValue(r)
		if !ok || r == '两' {
			break
		}
		v = v*10 + d
		end += size
		n++
	}
	return v, end, n
}
