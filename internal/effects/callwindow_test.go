package effects_test

import (
	"context"
	"strings"
	"testing"
)

// Probe s16b 05: when the customer can be phoned, told before filing, is on the ticket as
// said, and the promise at filing keeps to it instead of a deadline they cannot take a call
// at; told after filing while waiting for a person, it reaches the ticket too.
func TestCallWindowReachesTicket(t *testing.T) {
	s, say := embeddedChat(t)
	ctx := context.Background()
	const who = "o_window"
	say(who, "美的洗衣机不脱水了")
	say(who, "提交吧")
	if got := say(who, "只有中午12点到1点能接电话 其他时间别打"); !strings.Contains(got, "中午12点到1点") {
		t.Fatalf("window not acknowledged: %q", got)
	}
	say(who, "去年")
	say(who, "13823456781 上海徐汇区漕溪北路100号")
	reply := say(who, "王先生")
	tk := ticketIn(t, s, reply)
	if tk.Record.CallWindow != "中午12点到1点" || tk.Record.Case.Symptom != "不脱水了" {
		t.Fatalf("window %q symptom %q", tk.Record.CallWindow, tk.Record.Case.Symptom)
	}
	if !strings.Contains(reply, "方便接电话的时间（中午12点到1点）") || strings.Contains(reply, "前联系您") {
		t.Fatalf("the promise does not keep to the window:\n%s", reply)
	}

	const angry = "o_window_complaint"
	reply = say(angry, "格力空调制热又不热了，这是第三次了！上个月才修过，这才半个月又不行了")
	tk = ticketIn(t, s, reply)
	say(angry, "我电话15937162208 我在工地上 只有中午12点到1点能接电话 其他时间别打")
	tk, _ = s.Tickets.Get(ctx, tk.Number)
	if tk.Record.Phone != "15937162208" || tk.Record.CallWindow != "中午12点到1点" {
		t.Fatalf("after filing: phone %q window %q", tk.Record.Phone, tk.Record.CallWindow)
	}
	if got := say(angry, "到底几点给我回电话"); !strings.Contains(got, "中午12点到1点") {
		t.Fatalf("when will you call: %q", got)
	}
}
