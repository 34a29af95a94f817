package bot

import (
	"errors"
	"regexp"
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// Why a serial number was refused by ParseSerial.
var (
	ErrSerialEmpty    = errors.New("serial: no serial number given")
	ErrSerialTooShort = errors.New("serial: too short for a serial number")
	ErrSerialFormat   = errors.New("serial: does not look like this brand's serial numbers")
)

// minSerialLen is the fewest letters and digits a serial number has.
const minSerialLen = 5

// serial finds a serial number after a cue ("序列号", "SN", "IMEI"), or notes that the
// customer cannot give one ("序列号找不到").
func (x *extraction) serial() {
	s := x.s
	checked := 0 // clauses before this byte were searched for "找不到" already
	for i := 0; i < len(s); {
		_, end, ok := setSerialCues.at(s, i)
		if !ok {
			i += runeLen(s, i)
			continue
		}
		j := skipSeparators(s, end)
		if tok, tokEnd := serialToken(s, j); len(tok) >= minSerialLen {
			x.f.Serial = tok
			x.mark(i, tokEnd, spanSerial)
			return
		}
		if cs, ce := x.clause(i); ce > checked {
			if us, ue, _, ok := setUnknown.find(s, cs, ce); ok {
				// "没有序列号", "序列号找不到": only the words about the serial, not the
				// rest of a message told without punctuation
				if k := strings.LastIndexByte(s[cs:min(i, us)], ' '); k >= 0 {
					cs += k + 1
				}
				x.f.SerialUnknown = true
				x.mark(cs, max(ue, end), spanSerial)
				return
			}
			checked = ce
		}
		i = end
	}
}

// serialToken reads a serial number at byte i: ASCII letters and digits, dashes and single
// spaces between groups, returned upper-case without them.
func serialToken(s string, i int) (tok string, end int) {
	if i >= len(s) || !isASCIIAlnum(s[i]) {
		return "", i
	}
	end = i
	clean := true
	for j := i; j < len(s) && j-i < 64; j++ {
		b := s[j]
		switch {
		case isASCIIAlnum(b):
			end = j + 1
		case (b == '-' || b == ' ') && j+1 < len(s) && isASCIIAlnum(s[j+1]):
			clean = false
		default:
			j = len(s)
		}
	}
	tok = s[i:end]
	if !clean {
		tok = strings.NewReplacer("-", "", " ", "").Replace(tok)
	}
	return asciiUpper(tok), end
}

// ParseSerial reads the answer to "what is the serial number?". unknown is true when the
// customer says there is none or they cannot find it ("没有", "找不到", "看不清"). pattern is
// the brand's serial pattern (Lexicon.SerialPattern), or nil; a serial that does not match
// it is returned with ErrSerialFormat, so the dialog can ask the customer to check it.
func ParseSerial(text string, pattern *regexp.Regexp) (serial string, unknown bool, err error) {
	s := normalizeText(text)
	start := 0
	if _, end, ok := findAny(setSerialCues, s); ok {
		start = skipSeparators(s, end)
	}
	if m := serialNoPrefix.FindStringIndex(s[start:]); m != nil {
		start += m[1] // "No.2A1F-0093-7731"
	}
	best, bestLen := "", 0
	for i := start; i < len(s); {
		if !isTokenStart(s, i) && !(i == start && start > 0 && isASCIIAlnum(s[i])) {
			i += runeLen(s, i)
			continue
		}
		tok, end := serialToken(s, i)
		if len(tok) > bestLen {
			best, bestLen = tok, len(tok)
		}
		i = max(end, i+1)
	}
	switch {
	case bestLen == 0 && setUnknown.contains(s, 0, len(s)):
		return "", true, nil
	case bestLen == 0:
		return "", false, ErrSerialEmpty
	case bestLen < minSerialLen:
		if setUnknown.contains(s, 0, len(s)) {
			return "", true, nil
		}
		return best, false, ErrSerialTooShort
	case pattern != nil && !pattern.MatchString(best):
		return best, false, ErrSerialFormat
	}
	return best, false, nil
}

// findAny returns the first phrase of set in s.
func findAny(set *phraseSet[struct{}], s string) (start, end int, ok bool) {
	start, end, _, ok = set.find(s, 0, len(s))
	return start, end, ok
}

// serialNoPrefix is "No." written before a serial.
var serialNoPrefix = regexp.MustCompile(`^(?i)no\s?[.:：#]\s?`)

// ticketRef marks a ticket number the customer quotes, with the words that name it, so that
// no model, serial or fault is read from it: "之前的单号RS20261130001 又坏了".
func (x *extraction) ticketRef() {
	if !strings.ContainsAny(x.s, "Rr") {
		return
	}
	for _, m := range quotedTicket.FindAllStringIndex(x.s, -1) {
		x.mark(m[0], m[1], spanTicket)
	}
}

// quotedTicket is a ticket number as customers quote it, with what names it.
var quotedTicket = knowledge.MustFilter(`(?i)(?:之前的|上次的|上回的|原来的|以前的|旧的)?(?:工单号|报修单号|维修单号|单号|工单|编号)?(?:是|:|：)?\s?rs\s?\d{8}\s?-?\s?\d{3,}`)
