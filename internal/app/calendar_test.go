package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/triage"
)

// TestCalendarAdjustmentsFile checks that business.adjustments_file adds a year's
// adjustments, which silences the notice, and that a bad file stops the start.
func TestCalendarAdjustmentsFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dec5 := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	cfg := &config.Config{Business: config.Business{TimeZone: "Asia/Shanghai"}}
	cal, err := calendar(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := CalendarNotice(cal, dec5); !strings.Contains(n, "2027") {
		t.Errorf("built-in calendar on 5 December 2026: notice %q", n)
	}
	if n := CalendarNotice(cal, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)); n != "" {
		t.Errorf("30 November 2026: notice %q", n)
	}

	cfg.Business.AdjustmentsFile = write("adj.yaml", "2027:\n  holidays: [2027-01-01..2027-01-03]\n  makeup_workdays: [2027-01-09]\n")
	if cal, err = calendar(cfg); err != nil {
		t.Fatal(err)
	}
	if n := CalendarNotice(cal, dec5); n != "" {
		t.Errorf("with 2027's adjustments: notice %q", n)
	}
	sat := triage.Date{Year: 2027, Month: time.January, Day: 9}
	if !cal.IsWorkingDay(sat) || cal.IsWorkingDay(triage.Date{Year: 2027, Month: time.January, Day: 2}) {
		t.Error("2027 adjustments not applied")
	}
	if !cal.Published(2026) {
		t.Error("2026 lost")
	}

	for _, body := range []string{"2027: {holidays: [2027-13-01]}\n", "2027: [oops]\n"} {
		cfg.Business.AdjustmentsFile = write("bad.yaml", body)
		if _, err := calendar(cfg); err == nil || !strings.Contains(err.Error(), "adjustments_file") && !strings.Contains(err.Error(), "2027 holiday") {
			t.Errorf("%q: %v", body, err)
		}
	}
	cfg.Business.AdjustmentsFile = filepath.Join(dir, "absent.yaml")
	if _, err := calendar(cfg); err == nil {
		t.Error("absent file accepted")
	}
}
