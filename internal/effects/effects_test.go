package effects_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/triage"
)

var (
	ticketNumber = regexp.MustCompile(`RS\d{8}-\d{4,}`)
	pageLink     = regexp.MustCompile(`https?://\S+/h5/t/[A-Za-z0-9_.-]+`)
)

// A customer goes from a first message to a confirmed ticket through the webhook, exactly
// as WeChat delivers it; the ticket carries the record, the triage with reasons, the
// rule and steps tried, and the transcript.
func TestConversationBecomesATicket(t *testing.T) {
	opts := apptest.Options{Config: func(c *config.Config) {
		c.Routing.Groups = []config.Group{
			{Name: "华南家电组", Skills: []string{"refrigeration"}, Regions: []string{"广东"}},
			{Name: "华北家电组", Skills: []string{"refrigeration"}, Regions: []string{"北京"}},
			{Name: "全国综合组"},
		}
	}}
	apptest.Each(t, opts, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		ctx := context.Background()
		const who = "o_e2e_customer"
		last := chat(t, c, who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1")
		number := ticketNumber.FindString(last)
		if number == "" {
			t.Fatalf("no ticket number in the last reply:\n%s", last)
		}
		tk, err := s.Tickets.Get(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		if tk.OpenID != who || tk.Category != "air_conditioner" || tk.Record.Phone != "13812345678" ||
			tk.Record.Case.Brand != "美的" || tk.Record.Case.ErrorCode != "E1" || tk.RuleID == "" || len(tk.StepsTried) == 0 {
			t.Fatalf("ticket %+v", tk)
		}
		if tk.Group != "华北家电组" {
			t.Errorf("routed to %q, want 华北家电组 (a Beijing address, refrigeration)", tk.Group)
		}
		if tk.Result.Warranty.Status != triage.InWarranty || len(tk.Result.Reasons) < 3 || tk.Result.SLA.FirstResponseBy.IsZero() {
			t.Fatalf("triage %+v", tk.Result)
		}
		lines, err := s.Tickets.Transcript(ctx, number)
		if err != nil || len(lines) < 20 || lines[0].Role != triage.RoleCustomer || !strings.Contains(lines[0].Text, "美的空调") {
			t.Fatalf("transcript %d lines %v: %+v", len(lines), err, lines[:min(3, len(lines))])
		}
		// The same customer asks for progress.
		r, _ := c.Say(ctx, who, "进度")
		if !strings.Contains(r.Text, number) {
			t.Fatalf("进度 reply lacks %s:\n%s", number, r.Text)
		}
		// with the link to the ticket's page, which shows it
		link := pageLink.FindString(r.Text)
		if link == "" {
			t.Fatalf("进度 reply has no link to the ticket's page:\n%s", r.Text)
		}
		resp, err := http.Get(link)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), number) {
			t.Fatalf("GET %s: %d, page names %s: %v", link, resp.StatusCode, number, strings.Contains(string(body), number))
		}
		// Someone else (the customer's family, another WeChat account) asks by number: shown
		// only with the last four digits of the phone on it.
		const other = "o_e2e_family"
		if r, _ := c.Say(ctx, other, "工单号"+number+" 到哪了"); !strings.Contains(r.Text, "后 4 位") {
			t.Fatalf("a ticket number from another account is not asked for the phone's last digits:\n%s", r.Text)
		}
		if r, _ := c.Say(ctx, other, "0000"); strings.Contains(r.Text, "下一步") || !strings.Contains(r.Text, "没有查到") {
			t.Fatalf("wrong last digits showed the ticket or said nothing:\n%s", r.Text)
		}
		if r, _ := c.Say(ctx, other, number); !strings.Contains(r.Text, "后 4 位") {
			t.Fatalf("the number again is not asked for the phone's last digits:\n%s", r.Text)
		}
		if r, _ := c.Say(ctx, other, "5678"); !strings.Contains(r.Text, number) || !strings.Contains(r.Text, "下一步") {
			t.Fatalf("the right last digits (13812345678) did not show the ticket:\n%s", r.Text)
		}
		// Once a visit is booked, 进度 names it beside the promised time, in the business
		// time zone, for the owner and for the family's account alike.
		shanghai, err := time.LoadLocation("Asia/Shanghai")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now().In(shanghai).Add(48 * time.Hour).Truncate(time.Hour)
		w := triage.Window{Start: start, End: start.Add(2 * time.Hour), Slot: "上午"}
		if err := s.Tickets.SetVisit(ctx, number, who, w); err != nil {
			t.Fatal(err)
		}
		r, _ = c.Say(ctx, who, "进度")
		if !strings.Contains(r.Text, "工程师预约上门："+w.Label()) || !strings.Contains(r.Text, "前联系您") {
			t.Fatalf("进度 after a booked visit does not name it (%s) and the promised time:\n%s", w.Label(), r.Text)
		}
		if r, _ := c.Say(ctx, other, "我家的"+number+"什么时候上门"); !strings.Contains(r.Text, "后 4 位") {
			t.Fatalf("the number typed in a sentence is not asked for the phone's last digits:\n%s", r.Text)
		}
		if r, _ := c.Say(ctx, other, "5678"); !strings.Contains(r.Text, "工程师预约上门："+w.Label()) {
			t.Fatalf("another account's lookup does not name the booked visit (%s):\n%s", w.Label(), r.Text)
		}
	})
}

// answers are what the test customer replies to each question, recognised by a phrase
// of the question.
var answers = []struct{ question, answer string }{
	{"请核对报修信息", "确认"},
	{"回复 1 解决了", "2"},
	{"序列号", "没有"},
	{"型号", "不知道"},
	{"什么时候购买", "去年6月"},
	{"什么品牌", "1"},
	{"在哪里购买", "1"},
	{"延保", "2"},
	{"什么时候开始", "今天"},
	{"发生下面的情况", "1"},
	{"怎么称呼", "张伟"},
	{"联系电话", "13812345678"},
	{"地址", "北京市朝阳区建国路88号3栋1单元502"},
}

// chat has the conversation a customer would have, from the opener to a ticket, and
// returns the last reply.
func chat(t *testing.T, c *wxpush.Client, who, opener string) string {
	t.Helper()
	msg := opener
	for turn := 0; turn < 25; turn++ {
		r, err := c.Say(context.Background(), who, msg)
		if err != nil || r.Text == "" {
			t.Fatalf("%q: reply %+v err %v", msg, r, err)
		}
		if ticketNumber.MatchString(r.Text) {
			return r.Text
		}
		msg = ""
		for _, a := range answers {
			if strings.Contains(r.Text, a.question) {
				msg = a.answer
				break
			}
		}
		if msg == "" {
			t.Fatalf("unexpected question:\n%s", r.Text)
		}
	}
	t.Fatal("no ticket after 25 turns")
	return ""
}

// A purchase year without a month ("前年") decides the warranty only when every day of
// that year gives the same answer: two years back is past a 12-month period whatever the
// day. The ticket keeps the year (it once failed creation).
func TestYearOnlyPurchaseDate(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	last := chat(t, s.Client(wxpush.Safe), "o_year_only", "海尔冰箱前年在天猫买的，冷藏室一直漏水")
	number := ticketNumber.FindString(last)
	tk, err := s.Tickets.Get(context.Background(), number)
	if err != nil {
		t.Fatalf("%v (reply: %s)", err, last)
	}
	if tk.Result.Warranty.Status != triage.OutOfWarranty || tk.Record.Case.PurchaseDate != (triage.Date{Year: tk.CreatedAt.Year() - 2}) {
		t.Fatalf("warranty %s bought %s, want out of warranty, two years back", tk.Result.Warranty.Status, tk.Record.Case.PurchaseDate)
	}
}

// TestConversationMemory measures what one active conversation costs in Redis after a
// whole intake (issue 7's budget: under 2 KiB for the conversation state).
func TestConversationMemory(t *testing.T) {
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	const who = "o_memory_customer"
	chat(t, s.Client(wxpush.Safe), who, "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1")
	ctx := context.Background()
	prefix := s.Cfg.Redis.KeyPrefix + "s:{" + who + "}:"
	sizes := map[string]int64{}
	for _, k := range []string{"conv", "log", "win"} {
		n, err := s.Redis.MemoryUsage(ctx, prefix+k).Result()
		if err != nil {
			t.Fatalf("MEMORY USAGE %s: %v", k, err)
		}
		sizes[k] = n
	}
	t.Logf("Redis memory of one conversation after a whole intake: state %d B, transcript %d B, window %d B", sizes["conv"], sizes["log"], sizes["win"])
	if sizes["conv"] >= 2048 {
		t.Errorf("conversation state takes %d B in Redis, over the 2 KiB budget", sizes["conv"])
	}
}
