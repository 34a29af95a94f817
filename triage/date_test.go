package triage

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2025-06-10", Date{2025, time.June, 10}, false},
		{"2025-6-1", Date{2025, time.June, 1}, false},
		{"2025/06/10", Date{2025, time.June, 10}, false},
		{"2025.06.10", Date{2025, time.June, 10}, false},
		{"2024年5月3日", Date{2024, time.May, 3}, false},
		{"2024年5月3号", Date{2024, time.May, 3}, false},
		{"2024年5月", Date{2024, time.May, 0}, false},
		{"2024-05", Date{2024, time.May, 0}, false},
		{" 2024-02-29 ", Date{2024, time.February, 29}, false},
		{"", Date{}, false},
		{"2025-02-29", Date{}, true}, // not a leap year
		{"2025-13-01", Date{}, true},
		{"2025-06-00", Date{}, true},
		{"2025-06-31", Date{}, true},
		{"2025", Date{Year: 2025}, false},
		{"2025年", Date{Year: 2025}, false},
		{"25", Date{}, true},
		{"去年五月", Date{}, true},
		{"2025-06-10-1", Date{}, true},
		{"2025--10", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDateMonthOnly(t *testing.T) {
	d := Date{2024, time.February, 0}
	if !d.MonthOnly() || d.First() != (Date{2024, time.February, 1}) || d.Last() != (Date{2024, time.February, 29}) {
		t.Errorf("month-only %v: first %v last %v", d, d.First(), d.Last())
	}
	if d.String() != "2024-02" || (Date{}).String() != "" || (Date{2024, 2, 9}).String() != "2024-02-09" {
		t.Errorf("String: %q %q", d.String(), Date{}.String())
	}
	var back Date
	if err := back.UnmarshalText([]byte("2024年2月")); err != nil || back != d {
		t.Errorf("UnmarshalText = %v, %v", back, err)
	}
}

func TestDateArithmetic(t *testing.T) {
	if got := (Date{2024, time.February, 28}).AddDays(1); got != (Date{2024, time.February, 29}) {
		t.Errorf("leap AddDays = %v", got)
	}
	if got := (Date{2026, time.January, 1}).AddDays(-1); got != (Date{2025, time.December, 31}) {
		t.Errorf("AddDays(-1) = %v", got)
	}
	a, b := Date{2026, 1, 31}, Date{2026, 2, 1}
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Errorf("Compare broken for %v, %v", a, b)
	}
	if wd := (Date{2026, time.November, 24}).Weekday(); wd != time.Tuesday {
		t.Errorf("2026-11-24 is %v, want Tuesday", wd)
	}
}
