package bot

import (
	"strings"
	"testing"
	"time"
)

// Probe s14-C: leaving, politeness, names in dialect, "0" at a numbered menu, Cantonese 有冇.

// readIn understands text at the question asked in state st, with the act model.
func readIn(t *testing.T, st State, asked Slot, text string) Understanding {
	t.Helper()
	kb := shippedKB(t)
	return RuleReader{}.Understand(text, Context{State: st, Asking: asked, Now: time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone), Lexicon: kb.Lexicon()})
}

func TestLeavingAtFormQuestion(t *testing.T) {
	for _, text := range []string{
		"ok fine 就这样 bye", "ok 就酱 bye bye", "好的 就这样 bye", "先酱紫 bye~",
		"行了 就这样吧 拜拜", "好的好的 就这样吧 谢谢你啊", "好的好的就这样吧谢谢你啊", "先这样 回头再说",
		"好啦 就咁先啦 拜拜", "唔该晒 拜拜", // Cantonese
		"好额 就迭能 再会",   // Wu
		"好啦 先按呢 再会",   // Minnan
		"要得 就这样嘛 拜拜",  // Sichuan
		"得嘞 就这么着吧 回见", // northern
		"好的👋 拜拜",
	} {
		for _, asked := range []Slot{SlotPhone, SlotName, SlotAddress, SlotBrand} {
			u := readIn(t, StateCollect, asked, text)
			if got := u.Decisive(StateCollect); got.Kind != ActGoodbye {
				t.Errorf("%q at %s: %v, want goodbye (acts %v)", text, asked, got.Kind, u.Acts)
			}
			if !u.Facts.Phone.IsZero() || u.Facts.PhoneErr != nil && asked != SlotPhone {
				t.Errorf("%q at %s: phone %v err %v", text, asked, u.Facts.Phone, u.Facts.PhoneErr)
			}
		}
	}
	// a number given on the way out is the number
	if u := readIn(t, StateCollect, SlotPhone, "bye 13812345678"); u.Facts.Phone.IsZero() {
		t.Errorf("bye 13812345678: no phone")
	}
	// "是这样嘛?" still asks
	if topic, _ := questionTopic(ActText("是这样嘛?"), Context{State: StateNew}); topic == "" {
		t.Errorf("是这样嘛? is no question")
	}
}

func TestStillNeeded(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Conversation
		want string
	}{
		{"urgent", Conversation{State: StateCollect, Asking: SlotPhone, Case: Case{Facts: Facts{Category: "mobile_phone", Symptom: "鼓包"}, Safety: true}}, "联系电话"},
		{"at the phone", Conversation{State: StateCollect, Asking: SlotPhone, Case: Case{Facts: Facts{Category: "air_conditioner", Symptom: "不制冷", Name: "张先生"}}}, "联系电话等信息"},
		{"at the summary", Conversation{State: StateConfirm, Case: Case{Facts: Facts{Category: "air_conditioner", Symptom: "不制冷"}}}, "确认"},
		{"at the fault menu", Conversation{State: StateCollect, Asking: SlotFault, Case: Case{Facts: Facts{Category: "refrigerator", Symptom: "响"}}}, "具体故障、联系电话等信息"},
	} {
		if got := stillNeeded(&tc.c); !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want %q in it", tc.name, got, tc.want)
		}
	}
}
