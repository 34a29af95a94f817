package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
)

// talk replays msgs as one customer on d and returns the conversation and the replies to
// the last message; results of effects (a rule shown, a ticket opened) are fed back.
func talk(t *testing.T, d *Dialog, at time.Time, msgs ...string) (Conversation, string, []Effect) {
	t.Helper()
	var c Conversation
	var all []Effect
	var last strings.Builder
	for i, m := range msgs {
		last.Reset()
		all = all[:0]
		var effects []Effect
		at = at.Add(20 * time.Second)
		c, effects = d.Step(c, Inbound{OpenID: "o_t", Kind: KindText, Text: m, At: at})
		for j := 0; j < len(effects); j++ {
			all = append(all, effects[j])
			switch e := effects[j].(type) {
			case Reply:
				last.WriteString(e.Text + "\n")
			case OpenTicket:
				var more []Effect
				n := "RS20261207-000" + string(rune('1'+i%9))
				c, more = d.Step(c, Inbound{OpenID: "o_t", Kind: KindResult, At: at, Result: &EffectResult{Opened: &TicketOpened{Number: n, Commitment: "工单已登记"}}})
				effects = append(effects[:j+1], append(more, effects[j+1:]...)...)
			}
		}
	}
	return c, last.String(), all
}

// Probe s14-C class 1: an acknowledgement closes a case as solved only right after the
// step's own question with no doubt before; otherwise one plain question is asked, and a yes
// to it closes the case.
func TestAckAfterDoubtIsNoSolved(t *testing.T) {
	d := NewDialog(shippedKB(t))
	at := time.Date(2026, 12, 6, 22, 0, 0, 0, visitZone)
	ask := catalog.T("bot.self.ask_recovered")
	solved := catalog.T("bot.self.solved")
	opening := "冰箱冷藏不冷了 海尔"
	for _, tc := range []struct {
		msgs   []string
		solved bool
	}{
		// doubt before, then an acknowledgement
		{[]string{opening, "好像好了一点？又好像没有 不确定", "嗯 行 没毛病"}, false},
		{[]string{opening, "说不好 再观察一下看", "好的好的"}, false},
		{[]string{opening, "不确定", "ok👌"}, false},
		{[]string{opening, "说不准哦", "可以"}, false},
		{[]string{opening, "好像好点了又好像没有，说不好", "收到"}, false},
		{[]string{opening, "不确定", "要得"}, false},
		// a detail noted in between: "嗯" may acknowledge the note
		{[]string{opening, "2", "13611112222", "嗯 行 没毛病"}, false},
		{[]string{opening, "哦对了 是2022年买的", "行"}, false},
		{[]string{opening, "上门要多久", "嗯嗯 没问题"}, false},
		// hedged
		{[]string{opening, "应该好了吧"}, false},
		{[]string{opening, "好像可以了"}, false},
		{[]string{opening, "大概正常了吧"}, false},
		// partly better is not solved
		{[]string{opening, "好一点了吧"}, false},
		{[]string{opening, "稍微好点"}, false},
		// the plain question answered yes
		{[]string{opening, "不确定", "嗯 行 没毛病", "嗯"}, true},
		{[]string{opening, "应该好了吧", "是的"}, true},
		{[]string{opening, "不确定", "ok", "1"}, true},
		{[]string{opening, "说不好", "好的", "对的"}, true},
		// the step's own question, nothing uncertain: the plain readings stand
		{[]string{opening, "行"}, true},
		{[]string{opening, "好了"}, true},
		{[]string{opening, "可以了 谢谢"}, true},
		{[]string{opening, "2", "没毛病"}, true},
		{[]string{opening, "不确定", "好了 已经凉下来了"}, true},
	} {
		c, reply, _ := talk(t, d, at, tc.msgs...)
		got := strings.Contains(reply, solved) && c.State == StateDone
		if got != tc.solved {
			t.Errorf("%q: solved=%v, want %v (reply %q)", tc.msgs, got, tc.solved, reply)
		}
		if !tc.solved && c.State == StateDone {
			t.Errorf("%q: case closed: %q", tc.msgs, reply)
		}
	}
	// the plain question is asked once; a second bare word gets the choices in other words
	for _, msgs := range [][]string{{opening, "不确定", "嗯 行 没毛病"}, {opening, "2", "13611112222", "好的"}, {opening, "应该好了吧"}} {
		_, reply, _ := talk(t, d, at, msgs...)
		if !strings.Contains(reply, ask) {
			t.Errorf("%q: not asked plainly: %q", msgs, reply)
		}
		_, reply, _ = talk(t, d, at, append(msgs, "好的")...)
		if strings.Contains(reply, ask) || strings.Contains(reply, solved) {
			t.Errorf("%q+好的: %q", msgs, reply)
		}
	}
}

func TestBareAck(t *testing.T) {
	for s, want := range map[string]bool{
		"嗯行没毛病": true, "好的好的": true, "ok👌": true, "收到": true, "嗯呢": true, "行吧": true, "可以的": true, "okk": true,
		"好了": false, "可以了": false, "没问题了": false, "好一点": false, "冷藏凉了": false, "": false, "嗯不行": false,
	} {
		if got := bareAck(s); got != want {
			t.Errorf("bareAck(%q) = %v, want %v", s, got, want)
		}
	}
}
