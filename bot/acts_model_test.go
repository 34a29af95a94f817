package bot

import (
	"testing"
	"time"
)

// TestActModelGuards checks where the learned act model may and may not overrule the
// patterns (acts_model.go).
func TestActModelGuards(t *testing.T) {
	lex := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		state  State
		asking Slot
		text   string
		want   ActKind
	}{
		{StateHuman, "", "什么时候给我答复", ActProgress}, // the model reads what no pattern names
		{StateSelf, "", "海尔的 波轮", ActAnswer},      // a detail after a step is no shrug
		{StateSelf, "", "苏泊尔", ActAnswer},
		{StateDone, "", "等等 还是修吧", ActAnswer},        // the dialog's resume cue decides
		{StateCollect, SlotStarted, "今天", ActAnswer}, // an answer to the question asked
		{StateSelf, "", "0", ActHandoff},             // a sure pattern stands
		{StateSelf, "", "我要投诉你们 打12315", ActComplaint},
		{StateDone, "", "我的空调什么时候来修", ActProgress},                  // its ticket is filed: no new case
		{StateNew, "", "能不能免费修啊 刚买仨月 美的空调不制冷", ActQuestion},         // a question about rights is no complaint
		{StateCollect, SlotPurchase, "去年双十一买的 还在保修期不", ActQuestion}, // a named question is never dropped
	} {
		ctx := Context{State: tc.state, Asking: tc.asking, Category: "air_conditioner", Now: now, Lexicon: lex,
			HasTicket: tc.state == StateDone || tc.state == StateHuman}
		u := RuleReader{}.Understand(tc.text, ctx)
		if got := u.Decisive(tc.state).Kind; got != tc.want {
			t.Errorf("[%s] %q: decisive act %s, want %s (acts %+v)", tc.state, tc.text, got, tc.want, u.Acts)
		}
	}
}
