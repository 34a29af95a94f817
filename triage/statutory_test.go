package triage

import (
	"reflect"
	"testing"
	"time"
)

// TestStatutoryHolidays checks the computed days against calendars published for those
// years: 2027's lunar New Year is 6 February (so 除夕 is 5 February), 清明 falls on 5 April,
// 端午 on 9 June and 中秋 on 15 September; 2030's lunar New Year is 3 February, 清明 5
// April, 端午 5 June and 中秋 12 September. 2025, the first year of the present rule, is
// checked against its notice (国办发明电〔2024〕12号): 春节 28–31 January, 清明 4 April, 端午
// 31 May, 中秋 6 October (joined to 国庆).
func TestStatutoryHolidays(t *testing.T) {
	d := func(s string) Date { return day(t, s) }
	tests := []struct {
		year int
		want []Holiday
	}{
		{2025, []Holiday{
			{"元旦", d("2025-01-01"), d("2025-01-01")},
			{"春节", d("2025-01-28"), d("2025-01-31")},
			{"清明节", d("2025-04-04"), d("2025-04-04")},
			{"劳动节", d("2025-05-01"), d("2025-05-02")},
			{"端午节", d("2025-05-31"), d("2025-05-31")},
			{"中秋节", d("2025-10-06"), d("2025-10-06")},
			{"国庆节", d("2025-10-01"), d("2025-10-03")},
		}},
		{2027, []Holiday{
			{"元旦", d("2027-01-01"), d("2027-01-01")},
			{"春节", d("2027-02-05"), d("2027-02-08")},
			{"清明节", d("2027-04-05"), d("2027-04-05")},
			{"劳动节", d("2027-05-01"), d("2027-05-02")},
			{"端午节", d("2027-06-09"), d("2027-06-09")},
			{"中秋节", d("2027-09-15"), d("2027-09-15")},
			{"国庆节", d("2027-10-01"), d("2027-10-03")},
		}},
		{2030, []Holiday{
			{"元旦", d("2030-01-01"), d("2030-01-01")},
			{"春节", d("2030-02-02"), d("2030-02-05")},
			{"清明节", d("2030-04-05"), d("2030-04-05")},
			{"劳动节", d("2030-05-01"), d("2030-05-02")},
			{"端午节", d("2030-06-05"), d("2030-06-05")},
			{"中秋节", d("2030-09-12"), d("2030-09-12")},
			{"国庆节", d("2030-10-01"), d("2030-10-03")},
		}},
	}
	for _, tt := range tests {
		if got := StatutoryHolidays(tt.year); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%d:\n got %v\nwant %v", tt.year, got, tt.want)
		}
	}
	if StatutoryHolidays(2100) != nil {
		t.Error("2100 computed")
	}
}

// TestChinaBeyond2026 checks the default calendar in a year without published adjustments:
// statutory days are off, weekends are off, everything else is worked.
func TestChinaBeyond2026(t *testing.T) {
	cal, err := NewCalendar(China())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		day     string
		working bool
	}{
		{"2026-12-31", true},  // Thursday
		{"2027-01-01", false}, // 元旦, Friday
		{"2027-01-04", true},  // Monday
		{"2027-02-04", true},  // Thursday before 除夕
		{"2027-02-05", false}, // 除夕, Friday
		{"2027-02-08", false}, // 初三, Monday
		{"2027-02-09", true},  // Tuesday
		{"2027-04-05", false}, // 清明, Monday
		{"2027-05-03", true},  // Monday after 劳动节 (no adjustments known)
		{"2027-06-09", false}, // 端午, Wednesday
		{"2027-09-15", false}, // 中秋, Wednesday
		{"2027-10-01", false}, // 国庆, Friday
		{"2027-10-04", true},  // Monday
		{"2030-02-04", false}, // 春节, Monday
		{"2030-06-05", false}, // 端午, Wednesday
		{"2030-09-12", false}, // 中秋, Thursday
		{"2030-09-13", true},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(day(t, tt.day)); got != tt.working {
			t.Errorf("%s: working %v, want %v", tt.day, got, tt.working)
		}
	}
}

// TestChinaKeeps2026 checks that the calendar for every year means exactly the 2026 notice
// in 2026, day by day.
func TestChinaKeeps2026(t *testing.T) {
	all, err := NewCalendar(China())
	if err != nil {
		t.Fatal(err)
	}
	only := china(t)
	for d := (Date{2026, time.January, 1}); d.Year == 2026; d = d.AddDays(1) {
		if all.IsWorkingDay(d) != only.IsWorkingDay(d) {
			t.Errorf("%s differs", d)
		}
	}
	if !all.Published(2026) || all.Published(2027) {
		t.Error("published years wrong")
	}
}

// TestAdjustmentsOverride checks that a year's published adjustments add days off and
// make-up workdays to the statutory ones, a make-up workday overriding even a statutory day.
func TestAdjustmentsOverride(t *testing.T) {
	adj, err := ParseAdjustments([]byte(`
2027:
  holidays: [2027-01-01..2027-01-03, 2027-02-05..2027-02-12]
  makeup_workdays: [2027-02-06, 2027-02-20]
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg := China()
	cfg.Adjustments[2027] = adj[2027]
	if _, err := NewCalendar(cfg); err == nil {
		t.Error("2027-02-06 both a holiday and a make-up workday: accepted")
	}
	adj[2027] = Adjustments{
		Holidays:       []string{"2027-02-09..2027-02-11"},
		MakeupWorkdays: []string{"2027-02-08", "2027-02-20"},
	}
	cfg.Adjustments[2027] = adj[2027]
	cal, err := NewCalendar(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for d, working := range map[string]bool{
		"2027-02-05": false, // statutory, kept
		"2027-02-08": true,  // statutory 初三, but published as a make-up workday
		"2027-02-10": false, // published extra day off
		"2027-02-20": true,  // Saturday, make-up workday
		"2027-02-27": false, // Saturday
	} {
		if got := cal.IsWorkingDay(day(t, d)); got != working {
			t.Errorf("%s: working %v, want %v", d, got, working)
		}
	}
	if !cal.Published(2027) {
		t.Error("2027 not published")
	}

	for _, bad := range []string{"2027: {holiday: [2027-01-01]}", "2027: {holidays: [2030-01-01]}", "x: {}"} {
		adj, err := ParseAdjustments([]byte(bad))
		if err == nil {
			cfg := China()
			for y, a := range adj {
				cfg.Adjustments[y] = a
			}
			_, err = NewCalendar(cfg)
		}
		if err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestMissingAdjustments checks when the calendar asks for a year's adjustments, on a fixed
// clock.
func TestMissingAdjustments(t *testing.T) {
	cal, err := NewCalendar(China())
	if err != nil {
		t.Fatal(err)
	}
	cfg := China()
	cfg.Adjustments[2027] = Adjustments{Holidays: []string{"2027-01-01"}}
	with2027, err := NewCalendar(cfg)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := NewCalendar(CalendarConfig{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cal  *Calendar
		now  string
		want int
	}{
		{cal, "2026-11-30 23:59", 0},
		{cal, "2026-12-01 00:00", 2027},
		{cal, "2026-12-05 12:00", 2027},
		{cal, "2027-03-01 09:00", 2027}, // the year itself, still missing
		{with2027, "2026-12-05 12:00", 0},
		{with2027, "2027-11-30 12:00", 0},
		{with2027, "2027-12-01 12:00", 2028},
		{plain, "2026-12-05 12:00", 0}, // no statutory holidays: nothing to ask for
	}
	for _, tt := range tests {
		if got := tt.cal.MissingAdjustments(at(t, tt.now)); got != tt.want {
			t.Errorf("%s: missing %d, want %d", tt.now, got, tt.want)
		}
	}
	// 1 December begins in Beijing, not in UTC.
	if got := cal.MissingAdjustments(time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)); got != 2027 {
		t.Errorf("16:00 UTC on 30 November: missing %d, want 2027", got)
	}
}
