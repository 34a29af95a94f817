package triage

import (
	"testing"
	"time"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		day  string
		seq  int
		want string
	}{
		{"2026-11-22 10:00", 1, "RS20261122-0001"},
		{"2026-11-22 23:59", 42, "RS20261122-0042"},
		{"2026-01-05 00:00", 9999, "RS20260105-9999"},
		{"2026-01-05 00:00", 10000, "RS20260105-10000"},
		{"2026-01-05 00:00", 123456, "RS20260105-123456"},
	}
	for _, tt := range tests {
		if got := FormatNumber("RS", at(t, tt.day), tt.seq); got != tt.want {
			t.Errorf("FormatNumber(%s, %d) = %s, want %s", tt.day, tt.seq, got, tt.want)
		}
	}
	// The date is read in the given instant's own location.
	utc := time.Date(2026, 11, 21, 17, 0, 0, 0, time.UTC) // 2026-11-22 01:00 in Beijing
	if got := FormatNumber("RS", utc.In(shanghai), 1); got != "RS20261122-0001" {
		t.Errorf("Beijing date: %s", got)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		prefix string
		day    string
		seq    int
		ok     bool
	}{
		{"RS20261122-0001", "RS", "2026-11-22", 1, true},
		{"RS20261122-10000", "RS", "2026-11-22", 10000, true},
		{" rs20261122-0042 ", "RS", "2026-11-22", 42, true},
		{"X20240229-0001", "X", "2024-02-29", 1, true},
		{"20261122-0001", "", "", 0, false},    // no prefix
		{"RS20261122", "", "", 0, false},       // no sequence
		{"RS20261122-001", "", "", 0, false},   // too short
		{"RS20261122-00001", "", "", 0, false}, // padded past four digits
		{"RS20261122-0000", "", "", 0, false},  // sequences start at 1
		{"RS20261122-00a1", "", "", 0, false},
		{"RS20261122-+001", "", "", 0, false},
		{"RS20250229-0001", "", "", 0, false}, // no such day
		{"R520261122-0001", "", "", 0, false}, // prefix with a digit
		{"RS2026112-0001", "", "", 0, false},
		{"RS20261122-0001-2", "", "", 0, false},
		{"", "", "", 0, false},
	}
	for _, tt := range tests {
		prefix, d, seq, err := ParseNumber(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseNumber(%q) error = %v, want ok %v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && (prefix != tt.prefix || d.String() != tt.day || seq != tt.seq) {
			t.Errorf("ParseNumber(%q) = %s, %s, %d", tt.in, prefix, d, seq)
		}
	}
}

func TestNumberRoundTrip(t *testing.T) {
	for _, seq := range []int{1, 99, 9999, 10000, 99999} {
		n := FormatNumber("RS", at(t, "2026-02-28 12:00"), seq)
		prefix, d, got, err := ParseNumber(n)
		if err != nil || prefix != "RS" || d != day(t, "2026-02-28") || got != seq {
			t.Errorf("%s: %s %v %d %v", n, prefix, d, got, err)
		}
	}
}
