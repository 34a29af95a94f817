package bot

import (
	"testing"
	"time"
)

// A fault no rule matches confidently is noted for the editors once, with its category;
// the dialog emits the effect and stays pure.
func TestNoteUnmatched(t *testing.T) {
	kb := shippedKB(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	d := NewDialog(kb)
	_, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, At: now,
		Text: "美的空调KFR-35GW去年6月京东买的，空调外壳上的装饰贴纸卷边了"})
	var notes []NoteUnmatched
	for _, e := range effects {
		if n, ok := e.(NoteUnmatched); ok {
			notes = append(notes, n)
		}
	}
	if len(notes) != 1 || notes[0].Kind != "unmatched" || notes[0].Category != "air_conditioner" || notes[0].Text == "" {
		t.Fatalf("notes = %+v (effects %v)", notes, effects)
	}

	_, effects = d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, At: now,
		Text: "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1"})
	for _, e := range effects {
		if n, ok := e.(NoteUnmatched); ok {
			t.Errorf("a confident match noted: %+v", n)
		}
	}
}
