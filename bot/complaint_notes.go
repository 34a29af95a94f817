package bot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// What a supervisor needs of a complaint, read from the customer's words wherever they are
// said: how many times the fault came back ("第三次了", "修了三次"), the earlier paid repair
// with its amount and part ("换了个四通阀收了我260"), the demand (退货, 换货, 退款, the
// earlier repair's money back) and the escalation named (12315, 黑猫投诉). Each is one
// note for the ticket's complaint; nothing here decides a right or promises money.

var (
	noteRepeatNth   = knowledge.MustFilter(`第(二|三|四|五|六|2|3|4|5|6)(次|回|趟)`)
	noteRepeatTimes = knowledge.MustFilter(`(修|坏|报修|上门)(了|过|咗)(两|三|四|五|六|好几|几|2|3|4|5|6)(次|回|趟)`)
	// noteAmount is money paid for a repair: "收了我260", "花了150块", "交了三百".
	noteAmount = knowledge.MustFilter(`(收[了咗]?我?|收费|花[了咗]?|付[了咗]?|交[了咗]?|掏[了咗]?)(¥|￥)?(\d{2,5}|[一二两三四五六七八九十百千]{1,5})(块钱|块|元|多块|多|蚊)?`)
	// noteRefundFee is the earlier repair's money asked back: "上次那260块钱能不能退",
	// "150也得退给我", "维修费退给我".
	noteRefundFee = knowledge.MustFilter(`((\d{2,5})(块钱|块|元)?|维修费|修理费|上门费|那钱|那些钱|那笔钱|那块钱)[^,，。!?？、]{0,6}(退(给|还|回|钱|吗|么|嘛|呢|不退|$|\?|？)|能不能退|能退|可以退|也得退|要退|还给我|返还)`)
	notePart      = knowledge.MustFilter(`换(了|的|过|咗)?(个|一个|了个|过个|块|根|条|只)?(什么|啥)?([\p{Han}A-Za-z]{2,6}?)(，|,|。|还|就|才|又|收|花|付|交|给|我|你|$)`)
	noteWhen      = knowledge.MustFilter(`(上个月|上上个月|上周|上礼拜|上星期|前几天|前些天|(一|两|三|四|五|六|七|八|九|十|半|\d{1,2})个?(礼拜|星期|周|月|天)(前|之前))`)
	noteReturn    = knowledge.MustFilter(`退货|退机|退了它|全额退`)
	noteExchange  = knowledge.MustFilter(`换货|换新|换一台|换台新|换个新|换一个新|给我换|换掉`)
	noteRefund    = knowledge.MustFilter(`退款|退钱`)
	noteThreats   = []struct {
		re   *knowledge.Filtered
		name string
	}{
		{knowledge.MustFilter(`(^|[^0-9])12315([^0-9]|$)`), "12315"},
		{knowledge.MustFilter(`(^|[^0-9])12345([^0-9]|$)|市长热线`), "12345市长热线"},
		{knowledge.MustFilter(`黑猫`), "黑猫投诉"},
		{knowledge.MustFilter(`消协|消费者协会|消保委`), "消协"},
		{knowledge.MustFilter(`市场监管|工商`), "市场监管部门"},
		{knowledge.MustFilter(`曝光|媒体|记者|抖音|微博`), "媒体曝光"},
		{knowledge.MustFilter(`律师|起诉|法院`), "起诉"},
	}
	notePartSkip = knowledge.MustFilter(`^(新的?|货|一台|台|个新|掉|零件|配件|东西|了)`)
	// cueWriteDown asks for what was said to be put on the ticket: "这些都给我写上", "记到工单上".
	cueWriteDown = knowledge.MustFilter(`(写|记|登记|填|加)(上|进|到|下来|清楚)|写没写|记没记|有没有写|写了没|没写`)
)

// noteCount reads a count said in digits or Chinese numerals, up to the thousands: "三" 3,
// "两百六" 260, "一百五" 150; "" when it is none.
func noteCount(s string) string {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return s
	}
	digit := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unit := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, cur, last := 0, 0, 1
	for _, r := range s {
		if d, ok := digit[r]; ok {
			cur = d
			continue
		}
		if u, ok := unit[r]; ok {
			if cur == 0 {
				cur = 1
			}
			total += cur * u
			cur, last = 0, u
			continue
		}
		return ""
	}
	if cur > 0 && last > 1 && total > 0 {
		total += cur * last / 10 // "一百五" is 150
	} else {
		total += cur
	}
	if total == 0 {
		return ""
	}
	return strconv.Itoa(total)
}

// complaintNotes are the notes for a complaint read from one message (see above), in the
// order a supervisor reads them; none when it says none of them.
func complaintNotes(canon string) []string {
	t := compact(canon)
	var out []string
	// "修了两次了，第二次是上个月修的": the count of repairs, not the second one's
	if m := noteRepeatTimes.FindStringSubmatch(t); m != nil {
		if n := noteCount(m[3]); n != "" {
			out = append(out, catalog.T("bot.complaint.note.times", "n", n))
		} else {
			out = append(out, catalog.T("bot.complaint.note.times_many"))
		}
	} else if m := noteRepeatNth.FindStringSubmatch(t); m != nil {
		out = append(out, catalog.T("bot.complaint.note.nth", "n", noteCount(m[1])))
	}
	if m := noteAmount.FindStringSubmatch(t); m != nil {
		if amount := noteCount(m[3]); amount != "" {
			note := catalog.T("bot.complaint.note.paid", "amount", amount)
			if p := notePart.FindStringSubmatch(t); p != nil && !notePartSkip.MatchString(p[4]) && !strings.ContainsAny(p[4], "收花付交咗") {
				note += catalog.T("bot.complaint.note.paid_part", "part", p[4])
			}
			if when := noteWhen.FindString(t); when != "" {
				note += catalog.T("bot.complaint.note.paid_when", "when", when)
			}
			out = append(out, note)
		}
	} else if p := notePart.FindStringSubmatch(t); p != nil && !notePartSkip.MatchString(p[4]) && !strings.ContainsAny(p[4], "收花付交咗") && cueRepeatFault.MatchString(t) {
		// "上个月刚修过，师傅换了个电机，现在又不转了": the part of the earlier repair, no amount told
		out = append(out, catalog.T("bot.complaint.note.part", "part", p[4]))
	}
	if m := noteRefundFee.FindStringSubmatch(t); m != nil {
		if n := noteCount(m[2]); n != "" {
			out = append(out, catalog.T("bot.complaint.note.fee_back", "amount", n))
		} else {
			out = append(out, catalog.T("bot.complaint.note.fee_back_any"))
		}
	}
	var want []string
	if noteReturn.MatchString(t) {
		want = append(want, "退货")
	}
	if noteExchange.MatchString(t) {
		want = append(want, "换货")
	}
	if noteRefund.MatchString(t) && !noteRefundFee.MatchString(t) {
		want = append(want, "退款")
	}
	if len(want) > 0 && !cueNoComplaint.MatchString(t) {
		out = append(out, catalog.T("bot.complaint.note.demand", "what", strings.Join(want, "或")))
	}
	var threats []string
	for _, th := range noteThreats {
		if th.re.MatchString(t) && !slices.Contains(threats, th.name) {
			threats = append(threats, th.name)
		}
	}
	if len(threats) > 0 && !cueNoComplaint.MatchString(t) {
		out = append(out, catalog.T("bot.complaint.note.threat", "where", strings.Join(threats, "、")))
	}
	return out
}

// noteKind is what a complaint note tells: the repeat count, the earlier paid repair (or
// its part alone), the fee asked back, the demand, the escalation named.
func noteKind(n string) string {
	for _, k := range []struct{ key, kind string }{
		{"bot.complaint.note.nth", "count"}, {"bot.complaint.note.times", "count"}, {"bot.complaint.note.times_many", "count"},
		{"bot.complaint.note.paid", "paid"}, {"bot.complaint.note.part", "paid"},
		{"bot.complaint.note.fee_back", "fee"}, {"bot.complaint.note.fee_back_any", "fee"},
		{"bot.complaint.note.threat", "threat"}, {"bot.complaint.note.demand", "demand"},
	} {
		head, _, _ := strings.Cut(catalog.T(k.key), "{")
		if head != "" && strings.HasPrefix(n, head) {
			return k.kind
		}
	}
	return n
}

// addNotes adds the notes not yet on the case and reports whether any was new. A note of a
// kind the case has already replaces it when it says more ("要求退货或换货" for "要求退货",
// the amount with its part), and is dropped when it says less or the same; a demand or an
// escalation told again with others is the union ("提到12315、黑猫投诉").
func (c *Case) addNotes(notes []string) bool {
	added := false
	for _, n := range notes {
		kind := noteKind(n)
		i := slices.IndexFunc(c.ComplaintNotes, func(o string) bool { return noteKind(o) == kind })
		switch {
		case i < 0:
			c.ComplaintNotes = append(c.ComplaintNotes, n)
			added = true
		case kind == "demand" || kind == "threat":
			head := strings.TrimSuffix(catalog.T("bot.complaint.note."+kind), "{what}")
			head = strings.TrimSuffix(head, "{where}")
			sep := map[string]string{"demand": "或", "threat": "、"}[kind]
			have := strings.Split(strings.TrimPrefix(c.ComplaintNotes[i], head), sep)
			grown := false
			for _, w := range strings.Split(strings.TrimPrefix(n, head), sep) {
				if !slices.Contains(have, w) {
					have, grown = append(have, w), true
				}
			}
			if grown {
				c.ComplaintNotes[i], added = head+strings.Join(have, sep), true
			}
		case strings.Contains(c.ComplaintNotes[i], n) || kind == "count" && sameCount(c.ComplaintNotes[i], n):
			// said again, or said with less
		case strings.Contains(n, c.ComplaintNotes[i]) || kind == "count" || kind == "fee":
			c.ComplaintNotes[i], added = n, true // more said, or a new count or amount
		case kind == "paid":
			if strings.Contains(n, "（") && !strings.Contains(c.ComplaintNotes[i], "（") {
				c.ComplaintNotes[i], added = n, true
			}
		default:
			c.ComplaintNotes = append(c.ComplaintNotes, n)
			added = true
		}
	}
	return added
}

// sameCount says two notes of the repeat count tell the same number.
func sameCount(a, b string) bool {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	return digits(a) == digits(b)
}

// noteComplaintBeforeFiling keeps the complaint's notes of the message that made the case a
// complaint, to be filed with it, and confirms them in one line.
func (d *Dialog) noteComplaintBeforeFiling(t *step) {
	c := t.c
	c.Case.addNotes(complaintNotes(t.u.Canon))
	if slices.ContainsFunc(c.Case.ComplaintNotes, func(n string) bool { return !strings.HasPrefix(n, threatPrefix()) }) {
		// the repeat, the earlier repair, the demand: confirmed; 12315 alone needs no line
		t.sayKey("bot.complaint.noted_new", "notes", strings.Join(c.Case.ComplaintNotes, "；"))
	}
}

// complaintNotesAfterFiling writes the complaint's notes told after filing onto the
// complaint's ticket ("上面怎么没写第三次修、上次收了260、我要退货？这些都给我写上") and
// returns the line that confirms what is recorded; "上次那260块钱能不能退" is answered
// first: recorded for a supervisor to review, never a refund promised. only says the
// message told nothing else, and the line was said; otherwise the caller says it after the
// message's other business (an address told beside it). A staff member answering gets the
// notes on the ticket and no line.
func (d *Dialog) complaintNotesAfterFiling(t *step) (line string, only bool) {
	c := t.c
	if c.Ticket == "" || c.Case.Complaint == "" || len(t.u.Hazards) > 0 || t.u.Suspect != "" {
		return "", false
	}
	text := compact(t.u.Canon)
	fresh := c.Case.addNotes(complaintNotes(t.u.Canon))
	feeBack := noteRefundFee.MatchString(text)
	write := cueWriteDown.MatchString(text) && len(c.Case.ComplaintNotes) > 0
	if !fresh && !feeBack && !write {
		return "", false
	}
	a, complained := t.u.Has(ActComplaint)
	byWait := complained && a.Confidence >= 0.95 && c.State == StateHuman && !c.Paused // flagged with the notes by waitForHuman
	if fresh && !byWait {
		t.do(FlagComplaint{Number: c.Ticket, Words: c.Case.Complaint, Notes: slices.Clone(c.Case.ComplaintNotes)})
	}
	if c.State == StateHuman && c.Paused {
		return "", false
	}
	var lines []string
	if feeBack {
		lines = append(lines, catalog.T("bot.complaint.fee_back", "number", c.Ticket))
	}
	lines = append(lines, catalog.T("bot.complaint.noted", "number", c.Ticket, "notes", strings.Join(c.Case.ComplaintNotes, "；")))
	line = strings.Join(lines, "\n\n")
	f := &t.u.Facts
	if !byWait && f.Phone.IsZero() && f.Address == "" && f.Name == "" && f.Model == "" && f.PurchaseDate.IsZero() && !availabilityTold(&t.u) {
		t.say(line)
		return line, true
	}
	return line, false
}

// threatPrefix is how a note of the escalation named begins ("提到12315").
func threatPrefix() string {
	return catalog.T("bot.complaint.note.threat", "where", "")
}
