package bot

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// The visit state: the customer picks one of the windows offered (Conversation.Windows) by
// its number or in words ("明天下午", "周六上午", "下周一上午", "随便 越快越好"); a wish no
// window matches gets the nearest ones, never a silent failure; "都不行" asks what suits
// them, and a time no window has is noted for staff, who call.

// visitZone is the clock customers speak in (Asia/Shanghai, which keeps no daylight time).
var visitZone = time.FixedZone("CST", 8*3600)

// visit records the chosen visit window, by number; visitWords has read every other answer.
func (d *Dialog) visit(t *step, text string) {
	c := t.c
	if i, ok := choice(text, len(c.Windows)); ok {
		d.bookVisit(t, i)
		return
	}
	if isNone(text) {
		t.sayKey("bot.visit.later")
		c.State, c.Windows, c.VisitAsk = StateDone, nil, false
		d.offerAlso(t)
		return
	}
	c.Fails++
	t.sayKey("bot.visit.retry")
}

// visitChoiceNote books a window chosen by its number with words for the engineer beside it:
// "4，麻烦跟师傅说一下最好三点以后到", "第二个吧 来之前打个电话 我怕不在家", "6吧，让师傅带上
// 配件". The words are kept on the ticket (a time also as the contact window, for the person
// who calls; the message is in the transcript the engineer reads), never read as a fault, a
// progress question or a request for a person. It reports whether it booked.
func (d *Dialog) visitChoiceNote(t *step, text string) bool {
	c := t.c
	if c.State != StateVisit || c.Ticket == "" || len(c.Windows) == 0 || len(t.u.Hazards) > 0 || t.u.Suspect != "" {
		return false
	}
	tx := strings.TrimSpace(normalizeText(text))
	m := looseChoice.FindStringSubmatch(tx)
	if m == nil {
		if m = hanChoice.FindStringSubmatch(tx); m == nil {
			return false
		}
		m[1] = strconv.Itoa(strings.IndexRune("一二三四五六七八九", []rune(m[1])[0])/len("一") + 1)
	}
	k, err := strconv.Atoi(m[1])
	note := strings.Trim(m[2], clauseBreaks+" .!！")
	if err != nil || k < 1 || k > len(c.Windows) || runes(note) <= 4 || strings.ContainsAny(note, "0123456789") && !clockWindow.MatchString(knowledge.Canon(note)) {
		return false // a bare number, the option's own words ("2 下午吧") or another number: read as usual
	}
	d.bookVisit(t, k-1)
	if canon := knowledge.Canon(note); clockWindow.MatchString(canon) {
		t.do(UpdateContact{Number: c.Ticket, Window: contactWindow(canon)}) // "三点以后": for the person who calls
	}
	t.sayKey("bot.visit.note_kept", "note", truncateRunes(note, 30), "number", c.Ticket)
	return true
}

// hanChoice is a window chosen by its number in Chinese, with words after it: "第二个吧 来之前
// 打个电话".
var hanChoice = knowledge.MustFilter(`^(?:就|我选|选|要)?第([一二三四五六七八九])(?:个|号)?(?:吧|啊|呀|哦|哈|嘛|呗)?[ ,，、。：:]+(.*)$`)

// bookVisit books the offered window i.
func (d *Dialog) bookVisit(t *step, i int) {
	c := t.c
	w := c.Windows[i]
	t.do(BookVisit{Number: c.Ticket, Window: w})
	t.sayKey("bot.visit.booked", "window", w.Label)
	c.State, c.Windows, c.VisitAsk = StateDone, nil, false
	d.offerAlso(t)
}

// visitWords answers the visit question in words, before the message is read as anything
// else ("明天下午" is no progress question here). It reports whether it answered.
func (d *Dialog) visitWords(t *step, text string) bool {
	c := t.c
	if len(c.Windows) == 0 {
		return false
	}
	if i, ok := choice(text, len(c.Windows)); ok {
		d.bookVisit(t, i)
		return true
	}
	u := &t.u
	if f := u.Facts; f.Category != "" || f.Product != "" || f.Symptom != "" || f.ErrorCode != "" ||
		u.Is(ActComplaint) || u.Is(ActHandoff) || u.Is(ActCancel) || u.Is(ActReturn) {
		return false // a fault, a complaint, a person, a cancel: no visit time, read as usual
	}
	switch strings.Trim(normalizeText(text), clauseBreaks+" .!！") {
	case "其他时间", "再说", "以后再约", "0":
		return false // as the offer says: staff call to agree a time (visit)
	}
	w := readVisitWish(text, t.in.At.In(visitZone))
	switch {
	case w.none && c.VisitAsk:
		t.sayKey("bot.visit.later")
		c.State, c.Windows, c.VisitAsk = StateDone, nil, false
		d.offerAlso(t)
		return true
	case w.none:
		c.VisitAsk = true
		t.sayKey("bot.visit.when")
		return true
	case w.earliest:
		d.bookVisit(t, 0)
		return true
	case w.empty():
		if !c.VisitAsk || u.Is(ActQuestion) || u.Is(ActProgress) || u.Is(ActGoodbye) || u.Is(ActThanks) {
			return false
		}
		// their own words for a time no window reads ("等我下班以后"): noted for staff
		t.sayKey("bot.visit.noted", "wish", truncateRunes(text, 40))
		c.State, c.Windows, c.VisitAsk = StateDone, nil, false
		d.offerAlso(t)
		return true
	}
	matches := w.match(c.Windows)
	switch {
	case len(matches) == 1 && !w.question:
		d.bookVisit(t, matches[0])
	case len(matches) > 0 && w.weekend && w.question:
		t.sayKey("bot.visit.weekend_yes", "options", d.numberedWindows(c.Windows, matches))
	case len(matches) > 0:
		t.sayKey("bot.visit.several", "wish", w.words, "options", d.numberedWindows(c.Windows, matches))
	case c.VisitAsk && !w.question:
		// a time they can do and no window has: noted for staff, who call
		t.sayKey("bot.visit.noted", "wish", w.words)
		c.State, c.Windows, c.VisitAsk = StateDone, nil, false
		d.offerAlso(t)
	case w.weekend && w.question:
		t.sayKey("bot.visit.weekend_no", "options", d.numberedWindows(c.Windows, w.nearest(c.Windows)))
	default:
		t.sayKey("bot.visit.nearest", "wish", w.words, "options", d.numberedWindows(c.Windows, w.nearest(c.Windows)))
	}
	return true
}

// numberedWindows lists the windows at the indexes idx, each with its number in the offer.
func (d *Dialog) numberedWindows(ws []VisitWindow, idx []int) string {
	lines := make([]string, len(idx))
	for k, i := range idx {
		lines[k] = strconv.Itoa(i+1) + " " + ws[i].Label
	}
	return strings.Join(lines, "\n")
}

// dayPart is a part of the day as customers name it.
type dayPart string

const (
	partAny       dayPart = ""
	partMorning   dayPart = "morning"
	partNoon      dayPart = "noon"
	partAfternoon dayPart = "afternoon"
	partEvening   dayPart = "evening"
)

// covers reports whether a window starting at hour h lies in the part.
func (p dayPart) covers(h int) bool {
	switch p {
	case partMorning:
		return h < 12
	case partNoon:
		return h >= 11 && h < 14
	case partAfternoon:
		return h >= 12 && h < 18
	case partEvening:
		return h >= 18
	}
	return true
}

// hour is the hour a wish for the part aims at, to find the nearest windows.
func (p dayPart) hour() int {
	switch p {
	case partNoon:
		return 12
	case partAfternoon:
		return 15
	case partEvening:
		return 19
	}
	return 9
}

// visitWish is a visit time in the customer's words.
type visitWish struct {
	days     []time.Time // midnights of the days named; none: any day
	part     dayPart
	weekend  bool   // the weekend was named
	question bool   // asked, not chosen: "周末可以吗"
	earliest bool   // "随便 越快越好"
	none     bool   // "都不行": nothing offered suits
	words    string // the words naming the time, as written
	numeric  bool   // only a date in numbers ("12号", "6月18号"), no part of the day
}

func (w visitWish) empty() bool { return len(w.days) == 0 && w.part == partAny && !w.weekend }

var (
	cueVisitNone     = knowledge.MustFilter(`都不(行|方便|合适|可以)|不太?方便|没有合适|没一个合适|换个时间|时间都不|都没空|没空`)
	cueVisitEarliest = knowledge.MustFilter(`越快越好|越早越好|最早|尽快|随便|都可以|都行|哪个都行|什么时候都行|早点来|马上`)
	cueVisitQuestion = knowledge.MustFilter(`吗|么|嘛|能不能|可不可以|行不行|有没有|[?？]`)
	visitDayWords    = knowledge.MustFilter(`大后天|后天|明天|明儿|明早|明晚|今天|今儿|今早|今晚|(这|本|下下|下)?个?(周|星期|礼拜)([一二三四五六日天1-7])|(这|本|下)?个?(周末)|(\d{1,2})月(\d{1,2})[日号]?|(\d{1,2})[日号]`)
	visitPartWords   = knowledge.MustFilter(`早上|早晨|上午|明早|今早|中午|下午|傍晚|晚上|今晚|明晚|夜里`)
)

// readVisitWish reads a visit time from text sent at now (in visitZone).
func readVisitWish(text string, now time.Time) visitWish {
	t := strings.Join(strings.Fields(visitClauses(normalizeText(text))), "")
	var w visitWish
	if cueVisitNone.MatchString(t) {
		w.none = true
		return w
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, visitZone)
	var words []string
	if m := visitDay(t); m != nil {
		words = append(words, m[0])
		switch {
		case strings.HasPrefix(m[0], "大后天"):
			w.days = []time.Time{today.AddDate(0, 0, 3)}
		case strings.HasPrefix(m[0], "后天"):
			w.days = []time.Time{today.AddDate(0, 0, 2)}
		case strings.HasPrefix(m[0], "明"):
			w.days = []time.Time{today.AddDate(0, 0, 1)}
		case strings.HasPrefix(m[0], "今"):
			w.days = []time.Time{today}
		case m[3] != "":
			w.days = []time.Time{weekday(today, m[1], weekdayOf(m[3]))}
		case m[5] != "" && m[4] == "":
			w.weekend = true // any weekend day on offer
		case m[5] != "":
			sat := weekday(today, m[4], time.Saturday)
			w.days, w.weekend = []time.Time{sat, sat.AddDate(0, 0, 1)}, true
		case m[6] != "":
			month, _ := strconv.Atoi(m[6])
			day, _ := strconv.Atoi(m[7])
			w.days = []time.Time{dateAhead(today, month, day)}
		case m[8] != "":
			day, _ := strconv.Atoi(m[8])
			w.days = []time.Time{dateAhead(today, 0, day)}
		}

	}
	if p := visitPartWords.FindString(t); p != "" {
		if len(words) == 0 || !strings.Contains(words[0], p) {
			words = append(words, p)
		}
		switch {
		case strings.Contains(p, "早"):
			w.part = partMorning
		case p == "上午":
			w.part = partMorning
		case p == "中午":
			w.part = partNoon
		case p == "下午":
			w.part = partAfternoon
		default:
			w.part = partEvening
		}
	}
	w.words = strings.Join(words, "")
	w.numeric = len(w.days) == 1 && w.part == partAny && len(words) == 1 && strings.ContainsAny(words[0], "0123456789")
	w.question = cueVisitQuestion.MatchString(t)
	if w.empty() && !w.weekend && cueVisitEarliest.MatchString(t) {
		w.earliest = true
	}
	return w
}

// visitDay is the first day named in t that can be a visit day: not a house number
// ("莲前西路188号7楼", "3号楼"), no day past the 31st, no date with its year ("2021年12月5号").
func visitDay(t string) []string {
	for _, loc := range visitDayWords.FindAllStringSubmatchIndex(t, -1) {
		m := make([]string, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = t[loc[2*i]:loc[2*i+1]]
			}
		}
		if m[6] != "" || m[8] != "" {
			before, _ := utf8.DecodeLastRuneInString(t[:loc[0]])
			after, _ := utf8.DecodeRuneInString(t[loc[1]:])
			day := m[7]
			if m[8] != "" {
				day = m[8]
			}
			if n, _ := strconv.Atoi(day); n < 1 || n > 31 || m[6] != "" && m[7] == "" ||
				before >= '0' && before <= '9' || strings.ContainsRune(addressBefore, before) || strings.ContainsRune(addressAfter, after) {
				continue
			}
		}
		return m
	}
	return nil
}

// addressBefore and addressAfter are what stands beside a house, building or floor number
// ("路188号", "7号楼", "5号院"), or a year before a date: no visit day.
const (
	addressBefore = "路街道巷弄里村区镇苑园城座栋幢楼元厦号-—#年"
	addressAfter  = "楼院室栋幢门线铺房单座"
)

// visitClauses is text without its clauses about the purchase ("去年6月18号京东买的",
// "购买时间是2021年12月5号") or the address ("地址是…"), unless the clause also speaks of the
// visit ("6月18号买的 师傅明天来"): a date of purchase is no visit time.
func visitClauses(text string) string {
	var b strings.Builder
	start := 0
	flush := func(end int) {
		if cl := text[start:end]; !cueNotVisitClause.MatchString(cl) || cueVisitClause.MatchString(cl) {
			b.WriteString(cl)
		}
	}
	for i, r := range text {
		if unicode.IsSpace(r) || strings.ContainsRune(clauseBreaks, r) {
			flush(i)
			b.WriteRune(r)
			start = i + utf8.RuneLen(r)
		}
	}
	flush(len(text))
	return b.String()
}

var (
	// cueNotVisitClause tells of the purchase or the address.
	cueNotVisitClause = knowledge.MustFilter(`买|购|入手|下单|下的单|到货|收货|到手|发票|保修|出厂|生产|地址|住在|门牌|年`)
	// cueVisitClause speaks of a visit.
	cueVisitClause = knowledge.MustFilter(`来|上门|师傅|工程师|约|改|换到|挪|推迟|提前|有空|在家|方便|上午|下午|晚上|早上|中午`)
)

// weekdayOf reads 一…日 (or 1…7) as a weekday.
func weekdayOf(s string) time.Weekday {
	i := strings.Index("日一二三四五六", s)
	if i >= 0 {
		return time.Weekday(i / len("一"))
	}
	if s == "天" || s == "7" {
		return time.Sunday
	}
	n, _ := strconv.Atoi(s)
	return time.Weekday(n % 7)
}

// weekday is the day wd of the week named by prefix: this week (Monday to Sunday) for
// "这"/"本", the next for "下", the one after for "下下", and with no prefix the next such
// day from today on.
func weekday(today time.Time, prefix string, wd time.Weekday) time.Time {
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	offset := (int(wd) + 6) % 7
	switch prefix {
	case "这", "本":
		if d := monday.AddDate(0, 0, offset); !d.Before(today) {
			return d
		}
		// gone by ("这周六" said on Sunday): the coming one is meant, not yesterday
		return today.AddDate(0, 0, (int(wd)-int(today.Weekday())+7)%7)
	case "下":
		return monday.AddDate(0, 0, 7+offset)
	case "下下":
		return monday.AddDate(0, 0, 14+offset)
	}
	return today.AddDate(0, 0, (int(wd)-int(today.Weekday())+7)%7)
}

// dateAhead is day (of month, or of the current month when 0) on or after today.
func dateAhead(today time.Time, month, day int) time.Time {
	if month == 0 {
		d := time.Date(today.Year(), today.Month(), day, 0, 0, 0, 0, visitZone)
		if d.Before(today) {
			d = time.Date(today.Year(), today.Month()+1, day, 0, 0, 0, 0, visitZone)
		}
		return d
	}
	d := time.Date(today.Year(), time.Month(month), day, 0, 0, 0, 0, visitZone)
	if d.Before(today) {
		d = d.AddDate(1, 0, 0)
	}
	return d
}

// match returns the indexes of the windows the wish names.
func (w visitWish) match(ws []VisitWindow) []int {
	var out []int
	for i, win := range ws {
		start := time.Unix(win.Start, 0).In(visitZone)
		if win.Start == 0 || !w.part.covers(start.Hour()) {
			continue
		}
		if len(w.days) > 0 && !slices.ContainsFunc(w.days, func(d time.Time) bool { return sameDay(d, start) }) {
			continue
		}
		if wd := start.Weekday(); w.weekend && wd != time.Saturday && wd != time.Sunday {
			continue
		}
		out = append(out, i)
	}
	return out
}

// nearest returns the indexes of the two windows nearest the wish, in time order.
func (w visitWish) nearest(ws []VisitWindow) []int {
	var target time.Time
	switch {
	case w.weekend && len(w.days) == 0 && ws[0].Start != 0:
		first := time.Unix(ws[0].Start, 0).In(visitZone)
		sat := weekday(time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, visitZone), "", time.Saturday)
		target = sat.Add(time.Duration(w.part.hour()) * time.Hour)
	case len(w.days) > 0:
		target = w.days[0].Add(time.Duration(w.part.hour()) * time.Hour)
	case ws[0].Start != 0:
		first := time.Unix(ws[0].Start, 0).In(visitZone)
		target = time.Date(first.Year(), first.Month(), first.Day(), w.part.hour(), 0, 0, 0, visitZone)
	}
	idx := make([]int, len(ws))
	for i := range idx {
		idx[i] = i
	}
	dist := func(i int) time.Duration {
		d := time.Unix(ws[i].Start, 0).Sub(target)
		if d < 0 {
			d = -d
		}
		return d
	}
	slices.SortStableFunc(idx, func(a, b int) int { return int((dist(a) - dist(b)) / time.Minute) })
	idx = idx[:min(2, len(idx))]
	slices.Sort(idx)
	return idx
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// offerLate tells the customer no window starts by the promise, before the windows.
func offerLate(t *step, by string) {
	first := ""
	if len(t.c.Windows) > 0 {
		first = t.c.Windows[0].Label
	}
	t.say(catalog.T("bot.visit.late", "by", by, "first", first))
}
