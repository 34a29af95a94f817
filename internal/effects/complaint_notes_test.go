package effects_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
)

// An angry repeat-repair customer (probe s16b 05, s17 09): the repeat count, the earlier
// paid repair with its amount and part, the demand and the escalation named are on the
// complaint's ticket, those told after filing too, and the earlier repair's money asked
// back is recorded for review, never promised.
func TestComplaintNotesOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	reply := chat(t, c, "o_complaint_notes", "你们格力空调到底行不行？制热又不热了，这是第三次了！上个月才修过，换了个什么四通阀收了我260，这才半个月又不行了")
	tk := ticketIn(t, s, reply)
	chat(t, c, "o_complaint_notes", "我不要再修了，给我退货或者换新的，不然我就打12315投诉你们")
	refund := chat(t, c, "o_complaint_notes", "上次那260块钱能不能退？")
	if strings.Contains(refund, "可以退") || strings.Contains(refund, "给您退") {
		t.Fatalf("a refund promised:\n%s", refund)
	}
	got, err := s.Tickets.Get(context.Background(), tk.Number)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(got.Record.Case.ComplaintNotes, "；")
	for _, want := range []string{"第 3 次", "260 元", "四通阀", "退货", "12315", "退还上次维修费"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
	if !got.Complaint {
		t.Error("not a complaint")
	}
}
