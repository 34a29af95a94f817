package bot

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzStep drives the dialog with arbitrary messages: it never panics, never replies with
// an empty or oversized text, and never forgets a filled slot except through the commands
// that exist to forget (返回, 重新开始, 取消, unsubscribe) or a summary edit.
func FuzzStep(f *testing.F) {
	for _, s := range []string{"美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", "2", "确认", "返回", "转人工",
		"13812345678", "北京市朝阳区建国路88号", "不知道", "取消", "重新开始", "进度", "帮助", "1", "0", "煤气味", "\x00", "好了"} {
		f.Add(s, s, uint8(0))
	}
	kb := newTestKB(f)
	f.Fuzz(func(t *testing.T, a, b string, kind uint8) {
		d := NewDialog(kb)
		now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
		var c Conversation
		msgs := []string{"冰箱漏水", a, b, "确认", a, "2", b}
		for i, m := range msgs {
			in := Inbound{OpenID: "o_fuzz", Kind: KindText, Text: m, At: now.Add(time.Duration(i) * time.Minute)}
			switch kind % 5 {
			case 1:
				in.Kind = KindVoice
			case 2:
				if i == 2 {
					in = Inbound{OpenID: "o_fuzz", Kind: KindImage, MediaID: m, At: in.At}
				}
			case 3:
				if i == 3 {
					in = Inbound{OpenID: "o_fuzz", Kind: KindLocation, Label: m, At: in.At}
				}
			}
			before := c
			next, effects := d.Step(c, in)
			for _, e := range effects {
				if r, ok := e.(Reply); ok {
					if strings.TrimSpace(r.Text) == "" || !utf8.ValidString(r.Text) {
						t.Fatalf("empty or invalid reply to %q", m)
					}
				}
			}
			if forgets(before, next, m) {
				for _, s := range summarySlots {
					if !before.Case.missing(s) && next.Case.missing(s) {
						t.Fatalf("slot %s lost after %q in state %q", s, m, before.State)
					}
				}
			}
			c = next
		}
	})
}

// forgets reports whether a message may legitimately forget slots.
func forgets(before, after Conversation, msg string) bool {
	switch ParseCommand(msg) {
	case CmdBack, CmdRestart, CmdCancel, CmdHuman:
		return false
	}
	if before.State == StateResume || before.State == StateConfirm || before.State == StateEdit || before.State == StateDone ||
		before.State == StateNew || before.State == StateHuman || after.CaseSeq != before.CaseSeq {
		return false // a new case, or a summary edit replacing a field
	}
	return true
}

func BenchmarkStep(b *testing.B) {
	d := NewDialog(newTestKB(b))
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	c, _ := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "冰箱漏水", At: now})
	msgs := []string{"美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", "13812345678", "北京市朝阳区建国路88号3栋1单元502", "不知道", "2"}
	i := 0
	for b.Loop() {
		in := Inbound{OpenID: "o", Kind: KindText, Text: msgs[i%len(msgs)], At: now}
		i++
		_, _ = d.Step(c, in)
	}
}
