package triagedb

import (
	"testing"
	"time"

	"github.com/wxintake/intake/triage"
)

func TestDateText(t *testing.T) {
	tests := []struct {
		in   string
		want triage.Date
		bad  bool
	}{
		{in: "2025-06-10", want: triage.Date{Year: 2025, Month: time.June, Day: 10}},
		{in: "2025-06", want: triage.Date{Year: 2025, Month: time.June}},
		{in: "2025", want: triage.Date{Year: 2025}}, // a year alone ("前年")
		{in: "", want: triage.Date{}},
		{in: "2024-02-29", want: triage.Date{Year: 2024, Month: time.February, Day: 29}},
		{in: "2025/6/10", want: triage.Date{Year: 2025, Month: time.June, Day: 10}}, // not canonical: ParseDate reads it
		{in: "2025-02-29", bad: true},
		{in: "2025-13", bad: true},
		{in: "2025-06-00", bad: true},
		{in: "abcd-ef-gh", bad: true},
	}
	for _, tt := range tests {
		var d dateText
		err := d.UnmarshalText([]byte(tt.in))
		if tt.bad != (err != nil) || !tt.bad && triage.Date(d) != tt.want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v (bad %v)", tt.in, triage.Date(d), err, tt.want, tt.bad)
		}
		if tt.bad || tt.in == "2025/6/10" {
			continue
		}
		if out, _ := d.MarshalText(); string(out) != tt.in {
			t.Errorf("MarshalText(%v) = %q, want %q", triage.Date(d), out, tt.in)
		}
	}
}

// BenchmarkDecodeTicket decodes one stored ticket, the per-row cost of every list.
func BenchmarkDecodeTicket(b *testing.B) {
	row, err := toDBTicket(fullTicket(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(row.Record) + len(row.Result)))
	for b.Loop() {
		if _, err := toDomainTicket(row); err != nil {
			b.Fatal(err)
		}
	}
}
