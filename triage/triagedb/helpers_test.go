package triagedb

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/triage"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// calendar is the default 2026 business calendar.
var calendar = func() *triage.Calendar {
	cal, err := triage.NewCalendar(triage.China2026())
	if err != nil {
		panic(err)
	}
	return cal
}()

// at parses "2006-01-02 15:04" in Beijing time.
func at(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// newStore migrates db and returns a Store numbering in Beijing time.
func newStore(tb testing.TB, db *gorm.DB) *Store {
	tb.Helper()
	migrationstest.Migrate(tb, db)
	return New(db, Config{Location: shanghai})
}

// isMySQL reports whether db is MariaDB.
func isMySQL(db *gorm.DB) bool { return database.Dialect(db) == database.MySQL }

// ticket builds a triaged ticket for caseKey reported at the given time, with changes
// applied: a washing machine that does not spin, triaged on the default calendar.
func ticket(caseKey string, reported time.Time, changes ...func(*triage.Ticket)) triage.Ticket {
	c := triage.Case{
		Category: "washing_machine", CategoryName: "洗衣机", Brand: "海尔", Model: "EG100",
		PurchaseDate: triage.Date{Year: 2025, Month: time.March, Day: 8},
		Symptom:      "洗衣机不脱水，显示E4", ErrorCode: "E4", Trigger: triage.TriggerNone,
		Hint:       triage.Hint{OnSite: true, Skill: "washer", PartsMax: 300, LabourMin: 80, LabourMax: 150},
		ReportedAt: reported, Region: "上海市",
	}
	r := triage.Triage(c, triage.DefaultPolicies().For(c.Category), calendar)
	t := triage.Ticket{
		CaseKey:  caseKey,
		OpenID:   "o-customer-1",
		Priority: r.Priority,
		Category: c.Category,
		Record: triage.Record{Name: "张伟", Phone: "13800138000", Address: "上海市浦东新区世纪大道100号",
			Occurred: "昨天晚上", Case: c},
		RuleID:      "washer.no_spin",
		StepsTried:  []string{"check_door", "rebalance"},
		Attachments: []string{"media-photo-1"},
		Result:      r,
		CreatedAt:   reported,
	}
	for _, f := range changes {
		f(&t)
	}
	return t
}

// create stores t and fails the test unless it was created.
func create(tb testing.TB, s *Store, t triage.Ticket) triage.Ticket {
	tb.Helper()
	got, created, err := s.Create(context.Background(), t)
	if err != nil || !created {
		tb.Fatalf("Create(%s) = created %v, %v; want a new ticket", t.CaseKey, created, err)
	}
	return got
}

// sameTicket fails unless got and want store the same ticket. Instants are compared as
// instants, so a time read back in UTC equals the one written in Beijing time.
func sameTicket(tb testing.TB, got, want triage.Ticket) {
	tb.Helper()
	g, w := canonical(tb, got), canonical(tb, want)
	if g != w {
		tb.Errorf("ticket differs:\n got %s\nwant %s", g, w)
	}
}

// canonical renders t as JSON with every time in UTC.
func canonical(tb testing.TB, t triage.Ticket) string {
	tb.Helper()
	utcTimes(reflect.ValueOf(&t).Elem())
	b, err := json.Marshal(t)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

var timeType = reflect.TypeFor[time.Time]()

// utcTimes moves every time.Time reachable in v to UTC, to the microsecond.
func utcTimes(v reflect.Value) {
	switch {
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(dbTime(v.Interface().(time.Time))))
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				utcTimes(v.Field(i))
			}
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			utcTimes(v.Index(i))
		}
	}
}

// zeroFields lists the paths of the zero-valued fields in v, for checking that a fixture
// sets every field and so exercises every column and JSON key.
func zeroFields(v reflect.Value, path string) []string {
	if v.Type() == timeType || v.Kind() != reflect.Struct {
		if v.IsZero() || v.Kind() == reflect.Slice && v.Len() == 0 {
			return []string{path}
		}
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct {
			return zeroFields(v.Index(0), path+"[0]")
		}
		return nil
	}
	var out []string
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.IsExported() {
			out = append(out, zeroFields(v.Field(i), strings.TrimPrefix(path+"."+f.Name, "."))...)
		}
	}
	return out
}

// count returns the number of rows in table.
func count(tb testing.TB, db *gorm.DB, table string) int64 {
	tb.Helper()
	var n int64
	if err := db.Table(table).Count(&n).Error; err != nil {
		tb.Fatal(err)
	}
	return n
}

// numbers returns the numbers of tickets in order.
func numbers(ts []triage.Ticket) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Number
	}
	return out
}

// caseKeys returns the case keys of tickets in order.
func caseKeys(ts []triage.Ticket) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.CaseKey
	}
	return out
}

// checkGapless fails unless nums are exactly stem-0001 … stem-n in some order.
func checkGapless(tb testing.TB, stem string, nums []string) {
	tb.Helper()
	seen := make(map[string]bool, len(nums))
	for _, n := range nums {
		if seen[n] {
			tb.Errorf("number %s handed out twice", n)
		}
		seen[n] = true
	}
	for i := 1; i <= len(nums); i++ {
		if want := fmt.Sprintf("%s-%04d", stem, i); !seen[want] {
			tb.Errorf("number %s missing among %d tickets", want, len(nums))
		}
	}
}

// checkCounts fails unless ticket_counts agrees with a count of the tickets.
func checkCounts(tb testing.TB, db *gorm.DB) {
	tb.Helper()
	var kept, counted []countRow
	if err := db.Where("n <> 0").Order("status, priority_rank").Find(&kept).Error; err != nil {
		tb.Fatal(err)
	}
	err := db.Raw("SELECT status, priority_rank, COUNT(*) AS n FROM tickets GROUP BY status, priority_rank ORDER BY status, priority_rank").
		Scan(&counted).Error
	if err != nil {
		tb.Fatal(err)
	}
	if fmt.Sprint(kept) != fmt.Sprint(counted) {
		tb.Errorf("ticket_counts %v, but the tickets count %v", kept, counted)
	}
}
