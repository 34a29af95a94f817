package bot

import (
	"strings"
	"testing"
	"time"
)

// Probe s14-A class 1: chatter and sounds never become a brand or a model.
func TestBrandAmongChatter(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	for _, c := range []struct{ in, brand, model string }{
		{"爱普生啊 刚说了", "爱普生", ""},
		{"我第一句就说了啊 戴森", "戴森", ""},
		{"荣泰的，RT6810。多少钱能修？保修几年啊", "荣泰", "RT6810"},
		{"任天堂啊 还能是啥😂 你是真人吗", "任天堂", ""},
		{"Nintendo 任天堂", "任天堂", ""},
		{"说过了！！坚果", "坚果", ""},
		{"在客厅 很大那台", "", ""},
		{"嗡嗡 嗡嗡的", "", ""},
		{"大眼橙 坚果", "", ""},
	} {
		b, m, _ := brandAmongChatter(c.in, now, lx)
		if f := Extract(c.in, now, lx); b == "" && f.Brand != "" {
			b, m = f.Brand, f.Model // a listed brand (brands.yaml) is read before any chatter
		}
		if b != c.brand || m != c.model {
			t.Errorf("%q: brand %q model %q, want %q %q", c.in, b, m, c.brand, c.model)
		}
	}
}

func TestModelChatterIsNoModel(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	for _, c := range []struct{ in, model string }{
		{"不知道. please quick, baby is crying", ""},
		{"I don't know", ""},
		{"不清楚，快点吧孩子在哭", ""},
		{"卖家说是22年的机子", ""},
		{"s8", "s8"},
		{"S8", "S8"},
		{"m1", "m1"},
		{"x5 吧", "x5"},
		{"iPhone 15", "iPhone 15"},
	} {
		var cs Case
		d.answer(&cs, SlotModel, c.in, now)
		if cs.Model != c.model {
			t.Errorf("%q: model %q, want %q", c.in, cs.Model, c.model)
		}
	}
}

func TestOtherProductBrandAndModel(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	for _, c := range []struct{ in, brand, model string }{
		{"您好，我的极米投影仪H3S，风扇声音特别大，嗡嗡的", "极米", "H3S"},
		{"戴森吹风机 HD08 今年3月买的 吹着吹着就自己停了", "戴森", "HD08"},
		{"荣泰按摩椅 RT6810 靠背升不起来", "荣泰", "RT6810"},
		{"投影仪风扇嗡嗡的，很吵", "", ""},
		{"卧室投影仪不亮了", "", ""},
		{"吹风机呼呼的，不热", "", ""},
	} {
		f := Extract(c.in, now, lx)
		if f.Brand != c.brand || f.Model != c.model {
			t.Errorf("%q: brand %q model %q, want %q %q", c.in, f.Brand, f.Model, c.brand, c.model)
		}
	}
}

func TestNameBesideSurname(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	for in, want := range map[string]string{"姓赵，赵大刚": "赵大刚", "我姓李，李女士": "李女士", "王建国": "王建国"} {
		var cs Case
		d.answer(&cs, SlotName, in, now)
		if cs.Name != want {
			t.Errorf("%q: name %q, want %q", in, cs.Name, want)
		}
	}
}

// Probe s14-A class 4: a ticket filed for a person at night says when staff are back, not
// "请稍候"; the hours answered are the calendar's.
func TestNightTicketSaysWhenStaffAreBack(t *testing.T) {
	d := NewDialog(shippedKB(t))
	night := time.Date(2026, 12, 7, 4, 27, 0, 0, time.FixedZone("CST", 8*3600))
	opens := time.Date(2026, 12, 7, 9, 0, 0, 0, night.Location())
	d.Opens = func(at time.Time) time.Time {
		if at.Before(opens) {
			return opens
		}
		return at
	}
	d.StaffHours = "9:00–18:00"
	c, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "热水器漏电了 摸了一下手发麻", At: night})
	c, effects = d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "13912345678", At: night.Add(time.Minute)})
	for _, e := range effects {
		if o, ok := e.(OpenTicket); ok {
			c, effects = d.Step(c, Inbound{Kind: KindResult, At: night.Add(time.Minute), Result: &EffectResult{Opened: &TicketOpened{Number: "RS20261207-0001", Commitment: "工单已登记"}}})
			_ = o
		}
	}
	var all string
	for _, e := range effects {
		if r, ok := e.(Reply); ok {
			all += r.Text
		}
	}
	if !strings.Contains(all, "12月7日（周一）09:00") || strings.Contains(all, "请稍候") {
		t.Fatalf("night ticket reply: %q", all)
	}
	c, effects = d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "你们几点上班", At: night.Add(2 * time.Minute)})
	all = ""
	for _, e := range effects {
		if r, ok := e.(Reply); ok {
			all += r.Text
		}
	}
	if !strings.Contains(all, "9:00–18:00") || strings.Contains(all, "每天 8:00") || strings.Contains(all, "请稍候") {
		t.Fatalf("hours: %q", all)
	}
}

// Probe s14-A class 3: frustration with the bot is no cancel; a protest keeps the ticket; a
// part replaced is no return request.
func TestFrustrationAndReplacedPart(t *testing.T) {
	for _, s := range []string{"算了算了，跟机器人说有什么用", "和你说了也白说", "跟你们机器人讲有啥用", "机器人根本听不懂", "对牛弹琴"} {
		if !cueBotUseless.MatchString(compact(s)) {
			t.Errorf("%q: not read as frustration with the bot", s)
		}
	}
	for _, s := range []string{"算了 不修了", "你们机器人挺好用的", "跟你说一下 冰箱不制冷"} {
		if cueBotUseless.MatchString(compact(s)) {
			t.Errorf("%q: read as frustration with the bot", s)
		}
	}
	for _, s := range []string{"谁说要取消了？？", "我没说取消！工单别给我取消了", "不是要取消", "别取消啊"} {
		if !cueNotCancel.MatchString(compact(s)) {
			t.Errorf("%q: not read as a protest of a cancel", s)
		}
	}
	kb := shippedKB(t)
	for s, want := range map[string]bool{
		"燃气公司的人来看了，说是灶后头那根软管老化漏气，给换了。那你们还来不来": false,
		"师傅上次把电机换了 现在又响":    false,
		"能给换一台吗":            true,
		"电池换了也没用 能不能给我换个新的": true,
		"我要退货":              true,
	} {
		u := RuleReader{NoModel: true}.Understand(s, Context{State: StateHuman, Now: time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local), Lexicon: kb.Lexicon()})
		if u.Is(ActReturn) != want {
			t.Errorf("%q: return %v, want %v", s, u.Is(ActReturn), want)
		}
	}
}

// Probe s14-A class 2: "一直" before what the fault does is no start time; a phone with a
// spaced dash is read; a question inside the fault stays out of it.
func TestFactsKeptOnce(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	for s, want := range map[string]string{
		"手柄漂移了 角色自己一直往左走":    "",
		"饮水机热水那边一直滴水，地上湿了一片": "",
		"按摩椅一直卡着 升不起来":       "",
		"空调一直不制冷":            "一直",
		"一直这样，买来半年后开始的":      "一直",
		"冰箱一直都这样 不凉":         "一直都",
	} {
		if f := Extract(s, now, lx); f.StartedPhrase != want {
			t.Errorf("%q: started %q, want %q", s, f.StartedPhrase, want)
		}
	}
	for _, s := range []string{"1 5 9 - 0 0 1 1 - 2 2 3 3", "159 - 0011 - 2233", "138 1234 5678"} {
		if p, err := ParsePhone(s); err != nil || len(p.Number) != 11 {
			t.Errorf("%q: %+v %v", s, p, err)
		}
	}
	for s, want := range map[string]string{
		"摔了一下 当时就黑屏了 我能不能先插上充电器开机": "摔了一下，当时就黑屏了",
		"能不能免费修啊": "",
		"不制冷":     "不制冷",
	} {
		if got := withoutAsking(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}
