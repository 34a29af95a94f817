package effects_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/triage"
)

// A customer who names 12315 gets a ticket flagged as a complaint: urgent, in the
// complaint group, due within the complaint target, with an apology and the complaint
// officer's call-back as the next step. A customer whose repaired fault is back gets the
// same, found from their earlier ticket.
func TestComplaintTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) {
		c.Routing.ComplaintGroup = "投诉处理组"
		c.Routing.ComplaintWithin = 90 * 60 * 1e9
	}})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()

	r, err := c.Say(ctx, "o_complaint", "美的空调不制冷，再不修好我就打12315投诉你们")
	if err != nil {
		t.Fatal(err)
	}
	tk := ticketIn(t, s, r.Text)
	if !tk.Complaint || tk.Priority != triage.PriorityUrgent || tk.Group != "投诉处理组" ||
		!strings.Contains(tk.Record.Case.Complaint, "12315") {
		t.Fatalf("ticket complaint %v %q priority %s group %q", tk.Complaint, tk.Record.Case.Complaint, tk.Priority, tk.Group)
	}
	if d := tk.Result.SLA.FirstResponseBy.Sub(tk.CreatedAt); d > 91*60*1e9 || d < 89*60*1e9 {
		t.Errorf("first response due after %v, want 90m", d)
	}
	if strings.Count(r.Text, "抱歉") != 1 || !strings.Contains(r.Text, "投诉处理专员") || strings.Contains(r.Text, "第1步") {
		t.Errorf("reply to a complaint (one apology, the named next step, no self-service):\n%s", r.Text)
	}

	// The same fault after a repair: the first ticket is repaired and closed, then the
	// customer reports it again in plain words.
	const who = "o_repeat"
	opener := "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"
	first := ticketIn(t, s, chat(t, c, who, opener))
	if _, err := c.Say(ctx, who, "其他时间"); err != nil { // the visit is booked later
		t.Fatal(err)
	}
	if first.Complaint {
		t.Fatalf("a first report is flagged: %q", first.Record.Case.Complaint)
	}
	for _, to := range []triage.Status{triage.StatusAccepted, triage.StatusDiagnosing, triage.StatusCompleted} {
		cur, _ := s.Tickets.Get(ctx, first.Number)
		if _, err := s.Tickets.UpdateStatus(ctx, first.Number, triage.StatusChange{From: cur.Status, To: to, At: cur.UpdatedAt, By: "agent"}); err != nil {
			t.Fatal(err)
		}
	}
	againReply := chat(t, c, who, opener)
	again := ticketIn(t, s, againReply)
	if again.Number == first.Number || !again.Complaint || again.Group != "投诉处理组" ||
		!strings.Contains(again.Record.Case.Complaint, first.Number) {
		t.Fatalf("repeat %s: complaint %v %q group %q", again.Number, again.Complaint, again.Record.Case.Complaint, again.Group)
	}
	// the 三包 rights: the first repair's own warranty makes this one free, on the ticket
	// and in the reply
	repeatFree := false
	for _, why := range again.Result.Reasons {
		repeatFree = repeatFree || why.Key == "triage.rights.repeat_free" && strings.Contains(why.Text, first.Number)
	}
	if !repeatFree || !strings.Contains(againReply, "本次维修免费") {
		t.Errorf("repeat inside the repair warranty: reasons %v\nreply %s", again.Result.Reasons, againReply)
	}
	if n := strings.Count(againReply, "抱歉"); n != 1 || !strings.Contains(againReply, "又给您添麻烦了") || !strings.Contains(againReply, "投诉处理专员") {
		t.Errorf("reply to a repeated fault (%d apologies):\n%s", n, againReply)
	}
}

// A customer who threatens 12315 after filing a ticket makes that ticket the complaint: no
// second ticket, the first one urgent, in the complaint group, due within the complaint
// target from now, and the chat goes to a person.
func TestComplaintAfterFiling(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) {
		c.Routing.ComplaintGroup = "投诉处理组"
	}})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_complaint_after"
	first := ticketIn(t, s, chat(t, c, who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"))
	if _, err := c.Say(ctx, who, "其他时间"); err != nil {
		t.Fatal(err)
	}
	r, err := c.Say(ctx, who, "你们要是再拖着不来，我就打12315投诉")
	if err != nil {
		t.Fatal(err)
	}
	if n := ticketNumber.FindString(r.Text); n != "" || !strings.Contains(r.Text, "转接人工客服") {
		t.Fatalf("reply names ticket %q or no person:\n%s", n, r.Text)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if !tk.Complaint || tk.Priority != triage.PriorityUrgent || tk.Group != "投诉处理组" || !tk.Result.Handoff ||
		!strings.Contains(tk.Record.Case.Complaint, "12315") || time.Until(tk.Result.SLA.FirstResponseBy) > 2*time.Hour {
		t.Fatalf("ticket after the complaint: complaint %v %q priority %s group %q due %v", tk.Complaint,
			tk.Record.Case.Complaint, tk.Priority, tk.Group, tk.Result.SLA.FirstResponseBy)
	}
	all, err := s.Tickets.ListByOpenID(ctx, who, 10)
	if err != nil || len(all) != 1 {
		t.Fatalf("%d tickets (%v), want the one", len(all), err)
	}
}

// ticketIn returns the ticket whose number the reply names.
func ticketIn(t *testing.T, s *apptest.Service, reply string) triage.Ticket {
	t.Helper()
	number := ticketNumber.FindString(reply)
	if number == "" {
		t.Fatalf("no ticket number in:\n%s\nlog:\n%s", reply, s.Log.String())
	}
	tk, err := s.Tickets.Get(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// A component the customer names ("压缩机不启动") gets its own period on the ticket when
// the matched rule names none, and the reason and the reply say so.
func TestComponentFromTheCustomersWords(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	year := time.Now().Year() - 3
	last := chat(t, s.Client(wxpush.Safe), "o_component", "格力空调"+strconv.Itoa(year)+"年6月10号买的，外机压缩机不启动了，一点都不制冷")
	tk := ticketIn(t, s, last)
	if tk.Record.Case.Hint.Component != "压缩机" || tk.Result.Warranty.Status != triage.InWarranty ||
		!strings.Contains(tk.Result.Reasons[1].Text, "压缩机") {
		t.Fatalf("component %q warranty %s reasons %v", tk.Record.Case.Hint.Component, tk.Result.Warranty.Status, tk.Result.Reasons)
	}
	if !strings.Contains(last, "压缩机") || !strings.Contains(last, "维修免费") {
		t.Errorf("reply does not name the component:\n%s", last)
	}
}

// In a hazard's words the part named is what the danger reached, not a failed part: a
// swollen battery that lifts the keyboard ("键盘中间鼓起来了 触控板也被顶起来了") is no keyboard
// repair promised free.
func TestNoComponentFromAHazardsWords(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	year := time.Now().Year() - 1
	last := chat(t, s.Client(wxpush.Safe), "o_hazard_part", "联想笔记本"+strconv.Itoa(year)+"年1月买的 键盘中间鼓起来了 触控板也被顶起来了 一直插着电用的")
	tk := ticketIn(t, s, last)
	if !tk.Record.Case.Safety {
		t.Fatalf("not a safety case: %+v", tk.Record.Case)
	}
	if c := tk.Record.Case.Hint.Component; c == "键盘" {
		t.Errorf("component %q taken from the hazard's words; reasons %v", c, tk.Result.Reasons)
	}
	if strings.Contains(last, "键盘（按客户描述）") {
		t.Errorf("reply promises the keyboard:\n%s", last)
	}
}

// A hazard told while the filed ticket waits for a person makes that ticket urgent: the
// bot's "会优先处理" holds on the ticket staff work from, not only in the reply.
func TestHazardAfterFilingRaisesTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_hazard_after"
	first := ticketIn(t, s, chat(t, c, who, "我家空调开了半天不制冷 吹出来的都是热风 转人工"))
	if first.Priority == triage.PriorityUrgent {
		t.Fatalf("the first ticket is urgent already: %v", first.Result.Reasons)
	}
	r, err := c.Say(ctx, who, "哎呀刚才空调那里有股焦糊味儿 像烧塑料的味道 外机那边还啪啪响了两声")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, "优先处理") {
		t.Fatalf("reply:\n%s", r.Text)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Priority != triage.PriorityUrgent || !tk.Record.Case.Safety || !tk.Result.Handoff ||
		!tk.Result.SLA.FirstResponseBy.Before(first.Result.SLA.FirstResponseBy) {
		t.Fatalf("ticket after the hazard: priority %s safety %v due %v (was %v); reasons %v", tk.Priority,
			tk.Record.Case.Safety, tk.Result.SLA.FirstResponseBy, first.Result.SLA.FirstResponseBy, tk.Result.Reasons)
	}
	all, err := s.Tickets.ListByOpenID(ctx, who, 10)
	if err != nil || len(all) != 1 {
		t.Fatalf("%d tickets (%v), want the one", len(all), err)
	}
}

// A phone number or address told after the ticket was filed is written on the ticket (the
// console and the customer's page show it), not read as a new case.
func TestContactAfterFilingUpdatesTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_contact_after"
	first := ticketIn(t, s, chat(t, c, who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"))
	r, err := c.Say(ctx, who, "电话改成15312345687")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, "15312345687") || !strings.Contains(r.Text, first.Number) {
		t.Fatalf("reply:\n%s", r.Text)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Record.Phone != "15312345687" || tk.Record.Name != first.Record.Name || tk.Record.Address != first.Record.Address {
		t.Fatalf("ticket contact %q %q %q; was %q %q %q", tk.Record.Name, tk.Record.Phone, tk.Record.Address,
			first.Record.Name, first.Record.Phone, first.Record.Address)
	}
	all, err := s.Tickets.ListByOpenID(ctx, who, 10)
	if err != nil || len(all) != 1 {
		t.Fatalf("%d tickets (%v), want the one", len(all), err)
	}
}

// A purchase date and a serial number told after the ticket was filed are written on the
// ticket, and its warranty is decided again on the date (class 2 of the s12 probes): "5年前
// 买的" while waiting for a person is what staff see, not only a line of the transcript.
func TestDetailsAfterFilingUpdateTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_details_after"
	first := ticketIn(t, s, chat(t, c, who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"))
	if first.Result.Warranty.Status != triage.InWarranty {
		t.Fatalf("filed warranty %v, want in warranty", first.Result.Warranty.Status)
	}
	r, err := c.Say(ctx, who, "不对 是5年前买的 不是三个月前 序列号GR1234567890AB")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, first.Number) {
		t.Fatalf("reply:\n%s", r.Text)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got := tk.Record.Case.PurchaseDate; got.Year != 2021 && got.Year != 2020 {
		t.Fatalf("ticket purchase date %v, want five years back", got)
	}
	if tk.Record.Serial != "GR1234567890AB" {
		t.Fatalf("ticket serial %q", tk.Record.Serial)
	}
	t.Logf("warranty %+v → %+v", first.Result.Warranty, tk.Result.Warranty)
	if tk.Result.Warranty.Status == triage.InWarranty {
		t.Fatalf("warranty not decided again: %+v", tk.Result.Warranty)
	}
	// the fault told anew replaces the ticket's, and the transcript keeps the old one
	if r, err = c.Say(ctx, who, "问题描述改一下：不制冷 外机不转 显示E1"); err != nil || !strings.Contains(r.Text, first.Number) {
		t.Fatalf("fault rewrite reply %v:\n%s", err, r.Text)
	}
	if tk, _ = s.Tickets.Get(ctx, first.Number); tk.Record.Case.Symptom != "不制冷 外机不转 显示E1" {
		t.Fatalf("ticket fault %q", tk.Record.Case.Symptom)
	}
	lines, err := s.Tickets.Transcript(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	noted := false
	for _, l := range lines {
		noted = noted || l.Role == "system" && strings.Contains(l.Text, "→ 不制冷 外机不转 显示E1")
	}
	if !noted {
		t.Fatal("the transcript does not note the fault rewritten")
	}
	all, err := s.Tickets.ListByOpenID(ctx, who, 10)
	if err != nil || len(all) != 1 {
		t.Fatalf("%d tickets (%v), want the one", len(all), err)
	}
}

// The product corrected after filing ("工单写错咧！不是空调，是冰箱，海尔的") is written on the
// ticket: its category, the category name staff read, and the brand told with it; a fault
// rule of the old product no longer stands, and the transcript notes what it was before.
func TestProductCorrectedAfterFiling(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_product_after"
	first := ticketIn(t, s, chat(t, c, who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"))
	if first.Category != "air_conditioner" {
		t.Fatalf("filed category %q", first.Category)
	}
	r, err := c.Say(ctx, who, "工单写错咧！不是空调，是冰箱，海尔的")
	if err != nil || !strings.Contains(r.Text, first.Number) || !strings.Contains(r.Text, "冰箱") {
		t.Fatalf("product fix reply %v:\n%s", err, r.Text)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Category != "refrigerator" || tk.Record.Case.Category != "refrigerator" || tk.Record.Case.CategoryName != "冰箱" || tk.Record.Case.Brand != "海尔" {
		t.Fatalf("ticket product %q %q %q brand %q", tk.Category, tk.Record.Case.Category, tk.Record.Case.CategoryName, tk.Record.Case.Brand)
	}
	if first.RuleID != "" && tk.RuleID == first.RuleID {
		t.Fatalf("ticket keeps the air conditioner's rule %q", tk.RuleID)
	}
	lines, err := s.Tickets.Transcript(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	noted := false
	for _, l := range lines {
		noted = noted || strings.Contains(l.Text, "空调 → 冰箱")
	}
	if !noted {
		t.Fatalf("no correction note in the transcript: %+v", lines)
	}
	all, err := s.Tickets.ListByOpenID(ctx, who, 10)
	if err != nil || len(all) != 1 {
		t.Fatalf("%d tickets (%v), want the one", len(all), err)
	}
}

// A hazard told after the fault, in a question ("后壳好像鼓起来了 还能充电吗"), is on the
// ticket's symptom: the engineer reads what the danger is, not only the fault it came with.
func TestHazardNamedOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	const who = "o_hazard_named"
	var last string
	for _, msg := range []string{"华为手机充一会儿就发烫 前年买的", "凉下来了 就是后壳好像鼓起来了 还能充电吗", "13916661234"} {
		r, err := c.Say(context.Background(), who, msg)
		if err != nil {
			t.Fatal(err)
		}
		last = r.Text
	}
	tk := ticketIn(t, s, last)
	if !tk.Record.Case.Safety {
		t.Fatalf("not a safety case: %+v", tk.Record.Case)
	}
	if sym := tk.Record.Case.Symptom; !strings.HasPrefix(sym, "安全隐患：电池鼓包") || !strings.Contains(sym, "充一会儿就发烫") {
		t.Errorf("symptom %q: want the hazard named first, then the fault", sym)
	}
}

// A part of one fuel's appliances is never promised for the other: a gas water heater that
// will not light is promised no 加热管 (an electric heater's element), and the parts still
// covered after the unit's period are a gas heater's.
func TestNoElectricPartForAGasHeater(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	year := time.Now().Year() - 2
	last := chat(t, s.Client(wxpush.Safe), "o_gas_heater", "我替我妈报修 她家燃气热水器打不着火 老是咔咔响不出热水 是万和的 JSQ25-13ET16 "+strconv.Itoa(year)+"年双十一天猫买的")
	tk := ticketIn(t, s, last)
	if c := tk.Record.Case.Hint.Component; c == "加热管" || c == "内胆" {
		t.Errorf("component %q on a gas heater; reasons %v", c, tk.Result.Reasons)
	}
	for _, part := range []string{"加热管", "内胆"} {
		if strings.Contains(last, part) {
			t.Errorf("reply promises an electric heater's %s:\n%s", part, last)
		}
	}
}
