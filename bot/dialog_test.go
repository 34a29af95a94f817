package bot

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/dialog from the current dialog")

// testKB is a small, fixed knowledge base, so the transcripts change only when the dialog
// does, not when editors change the shipped rules.
type testKB struct {
	lx    *Lexicon
	rules map[string]Rule
}

func newTestKB(tb testing.TB) *testKB {
	lx, err := NewLexicon(LexiconData{
		Categories: []CategoryTerms{
			{ID: "air_conditioner", Name: "空调", Aliases: []string{"挂机", "柜机"}, ModelPatterns: []string{`KFR-\d{2,3}[A-Z]*`}},
			{ID: "refrigerator", Name: "冰箱", ModelPatterns: []string{`BCD-\d{3}[A-Z]*`}},
			{ID: "mobile_phone", Name: "手机"},
		},
		Brands: []BrandTerms{
			{Name: "美的", Aliases: []string{"Midea"}, Categories: []string{"air_conditioner", "refrigerator"}},
			{Name: "格力", Aliases: []string{"Gree"}, Categories: []string{"air_conditioner"}},
			{Name: "海尔", Aliases: []string{"Haier"}, Categories: []string{"refrigerator", "air_conditioner"}},
			{Name: "华为", Aliases: []string{"Huawei"}, Categories: []string{"mobile_phone"}, SerialPattern: `^[0-9A-Z]{16}$`},
		},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return &testKB{lx: lx, rules: map[string]Rule{
		"ac-not-cooling": {ID: "ac-not-cooling", Title: "空调不制冷", Steps: []string{
			"请确认遥控器设为制冷模式（雪花图标），温度设在26℃以下。",
			"请取下室内机过滤网，用清水冲洗晾干后装回。",
		}},
		"fridge-noise": {ID: "fridge-noise", Title: "冰箱异响"},
		"safety-gas":   {ID: "safety-gas", Title: "燃气泄漏", Safety: true, Advice: "请立即关闭燃气阀门，打开门窗通风，不要开关电器。"},
	}}
}

func (k *testKB) Lexicon() *Lexicon { return k.lx }
func (k *testKB) Rule(id string) (Rule, bool) {
	r, ok := k.rules[id]
	return r, ok
}
func (k *testKB) Match(c *Case) (Rule, bool) {
	text := c.Symptom + " " + c.ErrorCode
	switch {
	case c.Category == "air_conditioner" && (strings.Contains(text, "制冷") || strings.Contains(text, "不冷") || strings.Contains(text, "E1")):
		r := k.rules["ac-not-cooling"]
		r.Confident = true
		return r, true
	case c.Category == "refrigerator" && strings.Contains(text, "响"):
		r := k.rules["fridge-noise"]
		r.Confident = true
		return r, true
	}
	return Rule{}, false
}
func (k *testKB) Faults(category string) []Rule {
	if category == "refrigerator" {
		return []Rule{k.rules["fridge-noise"]}
	}
	return nil
}
func (k *testKB) Warranty(category string) (Warranty, bool) {
	return Warranty{WholeMonths: 12, Components: []ComponentWarranty{{Name: "压缩机", Months: 72}}}, category != ""
}
func (k *testKB) Hazard(text string, _ knowledge.HazardReading) (Rule, bool) {
	if strings.Contains(text, "煤气味") || strings.Contains(text, "燃气味") {
		return k.rules["safety-gas"], true
	}
	return Rule{}, false
}

// fakeBackend answers effects the way the service's backend would, deterministically.
type fakeBackend struct {
	seq     int
	opened  map[string]string
	windows bool // offer visit windows
	// offer are the visit windows of a "# windows: 11-23 上午, 11-28 下午" line (in 2026, the
	// slots of slotHours), offered instead of the two label-only ones of "# windows: yes";
	// late is the promise of a "# visit late: …" line, no window starting by it.
	offer  []VisitWindow
	late   string
	booked map[string]string // ticket → the visit booked on it (BookVisit), shown by 进度
	fail   bool              // the next OpenTicket fails
}

func (b *fakeBackend) open(e OpenTicket) *EffectResult {
	if b.fail {
		b.fail = false
		return &EffectResult{Failed: true}
	}
	if b.opened == nil {
		b.opened = map[string]string{}
	}
	n, ok := b.opened[e.Key]
	if !ok {
		b.seq++
		n = fmt.Sprintf("RS20261122-%04d", b.seq)
		b.opened[e.Key] = n
	}
	o := &TicketOpened{Number: n, Commitment: "【承诺】工单 " + n + " 已创建（" + string(e.Reason) + "）"}
	if b.windows && e.Reason == EscalateConfirmed {
		o.Windows = []VisitWindow{{Label: "11月24日（周二）上午 9:00–11:00"}, {Label: "11月24日（周二）下午 14:00–16:00"}}
		if b.offer != nil {
			o.Windows, o.VisitLate = b.offer, b.late
		}
	}
	return &EffectResult{Opened: o}
}

// transcript replays a golden file through Step and returns what the dialog did, in the
// same format.
func transcript(t *testing.T, path string) (got, want string) {
	return transcriptWith(t, path, newTestKB(t))
}

// transcriptWith replays a golden file through a Dialog on kb.
func transcriptWith(t *testing.T, path string, kb Knowledge) (got, want string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := NewDialog(kb)
	be := &fakeBackend{}
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	var conv Conversation
	var out, orig strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		orig.WriteString(line + "\n")
		switch {
		case strings.HasPrefix(line, "#"):
			out.WriteString(line + "\n")
			if v, ok := strings.CutPrefix(line, "# windows:"); ok {
				v = strings.TrimSpace(v)
				be.windows = v != "no" && v != ""
				if v != "yes" && be.windows {
					be.offer = testWindows(t, v)
				}
			}
			if v, ok := strings.CutPrefix(line, "# visit late:"); ok {
				be.late = strings.TrimSpace(v)
			}
			continue
		case strings.HasPrefix(line, "[rate "):
			out.WriteString(line + "\n")
			number := strings.TrimSuffix(strings.TrimPrefix(line, "[rate "), "]")
			var ok bool
			if conv, ok = d.AskRating(conv, number); ok {
				out.WriteString("< " + strings.ReplaceAll(catalogT("bot.rating.ask", "number", number), "\n", "\n| ") + "\n")
			}
			continue
		case strings.HasPrefix(line, "> "):
		default:
			continue // bot lines are regenerated
		}
		out.WriteString(line + "\n")
		msg := strings.TrimPrefix(line, "> ")
		if msg == "[new customer]" { // the same test, a customer with no history
			conv = Conversation{}
			continue
		}
		in := Inbound{OpenID: "o_test", Kind: KindText, Text: msg}
		if strings.HasPrefix(msg, "[") && strings.HasSuffix(msg, "]") {
			in = special(t, strings.Trim(msg, "[]"), &now, be)
			if in.Kind == "" {
				continue
			}
			in.OpenID = "o_test"
		}
		now = now.Add(20 * time.Second)
		in.At = now
		var effects []Effect
		conv, effects = d.Step(conv, in)
		for i := 0; i < len(effects); i++ {
			var res *EffectResult
			switch e := effects[i].(type) {
			case Reply:
				if strings.TrimSpace(e.Text) == "" {
					t.Errorf("%s: empty reply after %q", path, msg)
				}
				lines := strings.Split(e.Text, "\n")
				out.WriteString("< " + lines[0] + "\n")
				for _, l := range lines[1:] {
					out.WriteString("| " + l + "\n")
				}
			case OpenTicket:
				out.WriteString("! open ticket (" + string(e.Reason) + ")\n")
				if e.Case.Complaint != "" {
					out.WriteString("! complaint: " + e.Case.Complaint + "\n")
				}
				if e.Case.RepairClaim != "" {
					out.WriteString("! repair claim: " + e.Case.RepairClaim + "\n")
				}
				if len(e.Case.ComplaintNotes) > 0 {
					out.WriteString("! complaint notes: " + strings.Join(e.Case.ComplaintNotes, "；") + "\n")
				}
				if e.Case.OtherPhone != "" {
					out.WriteString("! phone: " + e.Case.Phone.Number + " other: " + e.Case.OtherPhone + "\n")
				}
				res = be.open(e)
			case ListTickets:
				out.WriteString("! list tickets\n")
				res = &EffectResult{Listed: true, Intro: e.Intro}
				for _, n := range conv.Tickets {
					res.Tickets = append(res.Tickets, TicketSummary{Number: n, Status: "已受理", Next: "工程师诊断", Promise: "我们将在 11月23日 12:00 前联系您", Visit: be.booked[n]})
				}
			case FindTicket:
				out.WriteString("! find " + e.Number + " " + e.PhoneLast4 + "\n")
				res = &EffectResult{Listed: true, Lookup: true}
				if e.PhoneLast4 == "5678" { // the phone on the test's tickets ends in 5678
					res.Tickets = []TicketSummary{{Number: e.Number, Status: "已受理", Next: "工程师诊断", Promise: "我们将在 11月23日 12:00 前联系您", Visit: be.booked[e.Number]}}
				}
			case RecordOutcome:
				out.WriteString("! rule " + e.RuleID + " " + e.Outcome + "\n")
			case BookVisit:
				out.WriteString("! book " + e.Number + " " + e.Window.Label + "\n")
				if be.booked == nil {
					be.booked = map[string]string{}
				}
				be.booked[e.Number] = e.Window.Label
			case RateTicket:
				out.WriteString(fmt.Sprintf("! rate %s score=%d comment=%q\n", e.Number, e.Score, e.Comment))
			case FlagComplaint:
				out.WriteString("! flag complaint " + e.Number + " " + e.Words + "\n")
				if len(e.Notes) > 0 {
					out.WriteString("! complaint notes: " + strings.Join(e.Notes, "；") + "\n")
				}
			case UpdateContact:
				out.WriteString(fmt.Sprintf("! contact %s name=%q phone=%q address=%q", e.Number, e.Name, e.Phone, e.Address))
				if e.OtherPhone != "" {
					out.WriteString(fmt.Sprintf(" other=%q", e.OtherPhone))
				}
				if e.Window != "" {
					out.WriteString(fmt.Sprintf(" window=%q", e.Window))
				}
				if e.Lat != 0 || e.Lng != 0 {
					out.WriteString(fmt.Sprintf(" at=%g,%g", e.Lat, e.Lng))
				}
				out.WriteString("\n")
			case UpdateDetails:
				f := e.Facts
				out.WriteString(fmt.Sprintf("! details %s brand=%q model=%q bought=%q serial=%q channel=%q doubt=%q", e.Number, f.Brand, f.Model, f.PurchaseDate.String(), f.Serial, f.Channel, e.ProofDoubt))
				if !f.Delivered.IsZero() {
					out.WriteString(fmt.Sprintf(" delivered=%q", f.Delivered.String()))
				}
				if f.Symptom != "" {
					out.WriteString(fmt.Sprintf(" fault=%q", f.Symptom))
				}
				if f.Category != "" {
					out.WriteString(fmt.Sprintf(" category=%q product=%q", f.Category, f.Product))
				}
				if f.ExtendedWarranty != YesNoUnset {
					out.WriteString(fmt.Sprintf(" extended=%s", f.ExtendedWarranty))
				}
				if e.Rule != "" {
					out.WriteString(" rule=" + e.Rule)
				}
				out.WriteString("\n")
			case FlagHazard:
				out.WriteString("! flag hazard " + e.Number + " " + e.Rule + "\n")
			case QueueChat:
				out.WriteString("! queue chat until " + e.Until.Format("15:04") + "\n")
			case LeaveQueue:
				out.WriteString("! leave queue\n")
			}
			if res != nil {
				var more []Effect
				conv, more = d.Step(conv, Inbound{OpenID: "o_test", Kind: KindResult, At: now, Result: res})
				effects = append(effects[:i+1], append(more, effects[i+1:]...)...)
			}
		}
		out.WriteString("= " + string(conv.State) + stateDetail(&conv) + "\n")
	}
	return out.String(), orig.String()
}

func catalogT(key string, kv ...any) string { return catalog.T(key, kv...) }

func stateDetail(c *Conversation) string {
	if c.Asking != "" && (c.State == StateCollect || c.State == StateEdit) {
		return " " + string(c.Asking)
	}
	return ""
}

// special turns "[image m1]", "[voice 文字]", "[location 39.9 116.4 地址]", "[event CLICK KEY]",
// "[wait 2h]", "[fail next ticket]" into an inbound message or a test action.
func special(t *testing.T, s string, now *time.Time, be *fakeBackend) Inbound {
	word, rest, _ := strings.Cut(s, " ")
	switch word {
	case "image":
		return Inbound{Kind: KindImage, MediaID: rest}
	case "voice":
		return Inbound{Kind: KindVoice, Text: rest}
	case "location":
		f := strings.SplitN(rest, " ", 3)
		lat, _ := strconv.ParseFloat(f[0], 64)
		lng, _ := strconv.ParseFloat(f[1], 64)
		return Inbound{Kind: KindLocation, Lat: lat, Lng: lng, Label: f[2]}
	case "event":
		ev, key, _ := strings.Cut(rest, " ")
		return Inbound{Kind: KindEvent, Event: ev, EventKey: key}
	case "video":
		return Inbound{Kind: KindUnknown}
	case "photo": // what photo MEDIA showed: [photo m1 ocr | CODE_128=… | 型号：…]
		return photoInbound(rest)
	case "wait":
		d, err := time.ParseDuration(rest)
		if err != nil {
			t.Fatal(err)
		}
		*now = now.Add(d)
		return Inbound{}
	case "fail":
		be.fail = true
		return Inbound{}
	}
	t.Fatalf("unknown special line [%s]", s)
	return Inbound{}
}

// TestTranscripts replays every golden transcript in testdata/dialog through Step.
// Run with -update to rewrite them after an intended change, then read the diff.
func TestTranscripts(t *testing.T) {
	replay(t, "testdata/dialog", 10, newTestKB(t))
}

// replay checks (or with -update rewrites) every transcript of dir on kb.
func replay(t *testing.T, dir string, least int, kb Knowledge) {
	files, _ := filepath.Glob(dir + "/*.txt")
	if len(files) < least {
		t.Fatalf("only %d transcripts", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got, want := transcriptWith(t, path, kb)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("transcript differs (run go test ./bot -run Transcripts -update and read the diff):\n%s", diffLines(want, got))
			}
		})
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n  want %s\n  got  %s\n", i+1, x, y)
			if out.Len() > 3000 {
				break
			}
		}
	}
	return out.String()
}

// slotHours are the test's visit slots.
var slotHours = map[string][2]int{"上午": {9, 11}, "下午": {14, 16}, "晚上": {18, 20}}

// testWindows reads "11-23 上午, 11-28 下午" as visit windows in 2026, Asia/Shanghai.
func testWindows(t *testing.T, spec string) []VisitWindow {
	t.Helper()
	weekdays := []string{"日", "一", "二", "三", "四", "五", "六"}
	var out []VisitWindow
	for _, item := range strings.Split(spec, ",") {
		day, slot, _ := strings.Cut(strings.TrimSpace(item), " ")
		d, err := time.ParseInLocation("2006-01-02", "2026-"+day, visitZone)
		h, ok := slotHours[slot]
		if err != nil || !ok {
			t.Fatalf("bad window %q", item)
		}
		start, end := d.Add(time.Duration(h[0])*time.Hour), d.Add(time.Duration(h[1])*time.Hour)
		label := fmt.Sprintf("%d月%d日（周%s）%s %d:00–%d:00", d.Month(), d.Day(), weekdays[d.Weekday()], slot, h[0], h[1])
		out = append(out, VisitWindow{Label: label, Start: start.Unix(), End: end.Unix(), Slot: slot})
	}
	return out
}
