package bot

import (
	"testing"
	"time"
)

// TestSuspicionWithACause: the hazard model's suspicion is not asked about when the message
// itself gives the smell or the burning a cause that is no hazard — eggs gone off or a drain
// with no gas appliance near, rice that burnt — and still is when gas is near or the burnt
// food is only a likeness.
func TestSuspicionWithACause(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct {
		text    string
		suspect bool // a hazard read or suspected
	}{
		{"冰箱里的鸡蛋坏了 一股臭味", false},
		{"厨房下水道有股臭味", false},
		{"雪柜入面好臭 洗咗都仲有味", false},
		{"电饭煲的饭有点糊了", false},
		{"燃气灶旁边下水道有股臭味", true},   // gas near: ask
		{"电饭煲煮饭 闻起来像烧饭糊了", true}, // a likeness: may be the machine
	} {
		for _, st := range []State{StateNew, StateCollect, StateSelf, StateConfirm, StateHuman, StateDone} {
			ctx := Context{State: st, Now: now, Lexicon: lx, HasTicket: st == StateDone || st == StateHuman}
			if st != StateNew {
				ctx.Category = "air_conditioner"
			}
			u := RuleReader{}.Understand(tc.text, ctx)
			got := u.Suspect != "" || len(u.Hazards) > 0
			if got != tc.suspect {
				t.Errorf("[%s] %q: suspect %q hazards %v, want a hazard read or asked = %v", st, tc.text, u.Suspect, u.Hazards, tc.suspect)
			}
		}
	}
}
