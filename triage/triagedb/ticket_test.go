package triagedb

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// fullTicket sets every field of a ticket, so a round trip proves each is stored.
func fullTicket(tb testing.TB) triage.Ticket {
	reported := at(tb, "2026-11-22 10:30")
	return triage.Ticket{
		CaseKey:  "case-full",
		OpenID:   "o-full",
		Status:   triage.StatusAccepted,
		Priority: triage.PriorityUrgent,
		Category: "air_conditioner",
		Record: triage.Record{
			Name: "李娜", Phone: "13912345678", OtherPhone: "13800001111（女儿）", CallWindow: "晚上七点以后", Address: "北京市朝阳区建国路88号", Latitude: 39.9087, Longitude: 116.4605,
			Serial: "SN-AC-0001", Channel: "京东", Occurred: "今天早上",
			Evidence: []triage.Evidence{{Field: "purchase", Value: "2025-06-18", Media: "media-1", Source: "order", Verify: true}},
			Case: triage.Case{
				Category: "air_conditioner", CategoryName: "空调", Brand: "格力", Model: "KFR-35GW",
				PurchaseDate: triage.Date{Year: 2024, Month: time.May, Day: 20}, Delivered: triage.Date{Year: 2024, Month: time.May, Day: 23},
				ExtendedWarranty: triage.AnswerYes, ExtendedMonths: 24, ExtendedTotal: true, RepairClaim: "上个月刚修过又",
				ProofDoubt: "朋友送的", Symptom: "空调冒烟有焦味", ErrorCode: "E1", Trigger: triage.TriggerVoltage, Safety: true, Complaint: "12315",
				ComplaintNotes: []string{"同一故障第 3 次报修", "此前付费维修 260 元（更换四通阀）"},
				Hint: triage.Hint{FaultClass: triage.FaultClass("hardware"), Priority: triage.PriorityUrgent, OnSite: true,
					Skill: "refrigeration", Component: "compressor", ComponentName: "压缩机",
					PartsMin: 100, PartsMax: 1500, LabourMin: 80, LabourMax: 300},
				ReportedAt: reported, Region: "北京市",
				Repairs: []triage.Repair{{Ticket: "RS20260901-0003", Done: triage.Date{Year: 2026, Month: time.September, Day: 5}}},
			},
		},
		RuleID:      "ac.smoke",
		StepsTried:  []string{"power_off", "unplug"},
		Attachments: []string{"media-1", "media-2"},
		Result: triage.Result{
			FaultClass: triage.FaultClass("hardware"),
			Warranty: triage.WarrantyResult{Status: triage.OutOfWarranty, CoveredUntil: triage.Date{Year: 2026, Month: time.April, Day: 30},
				Estimate: triage.Estimate{PartsMin: 100, PartsMax: 1500, LabourMin: 80, LabourMax: 300},
				Period:   "压缩机保修 72 个月", Bought: triage.Date{Year: 2024, Month: time.May, Day: 20}, Product: "空调", PartOnly: true},
			Rights: triage.Rights{Stage: triage.Stage("repair"), Options: []triage.Remedy{"repair", "exchange"}, DaysMin: 551, DaysMax: 551, FromDelivery: true,
				RepeatFree: true, FreeUntil: triage.Date{Year: 2026, Month: time.December, Day: 4},
				LastRepair: triage.Repair{Ticket: "RS20260901-0003", Done: triage.Date{Year: 2026, Month: time.September, Day: 5}},
				Repairs:    1, RepairsExhausted: true, Reasons: []triage.Reason{{Key: "triage.rights.repeat_free", Text: "维修后 90 天内同一故障，本次免费"}}},
			Priority: triage.PriorityUrgent, OnSite: true, Skill: "refrigeration", Complaint: true, Handoff: true,
			SLA: triage.SLA{FirstResponseBy: reported.Add(4 * time.Hour), DiagnosisBy: reported.Add(4 * time.Hour),
				Reason: triage.Reason{Key: "triage.why.sla.urgent_clock", Text: "紧急：4 小时内响应"}},
			Reasons: []triage.Reason{{Key: "triage.why.class.rule", Text: "硬件故障"}, {Key: "triage.why.priority.safety", Text: "安全隐患"}},
		},
		Assignee:    "staff-7",
		Group:       "north",
		Complaint:   true,
		VisitWindow: triage.Window{Start: at(tb, "2026-11-23 09:00"), End: at(tb, "2026-11-23 11:00"), Slot: "上午"},
		CreatedAt:   reported.Add(123456789 * time.Nanosecond),
		Rating:      5,
		Comment:     "师傅很专业",
	}
}

func TestTicketRoundTrip(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		in := fullTicket(t)
		created := create(t, s, in)
		if created.Number != "RS20261122-0001" {
			t.Errorf("Number = %q, want RS20261122-0001", created.Number)
		}
		got, err := s.Get(ctx, created.Number)
		if err != nil {
			t.Fatal(err)
		}
		if zero := zeroFields(reflect.ValueOf(got), ""); len(zero) > 0 {
			t.Errorf("fields not stored (or the fixture leaves them zero): %v", zero)
		}
		want := in
		want.Number, want.UpdatedAt = created.Number, in.CreatedAt
		sameTicket(t, got, want)
		sameTicket(t, created, got)
		if got.CreatedAt.Location() != time.UTC || !got.CreatedAt.Equal(dbTime(in.CreatedAt)) {
			t.Errorf("CreatedAt = %v, want %v in UTC to the microsecond", got.CreatedAt, in.CreatedAt)
		}
		if got.Record.Case.ReportedAt.Format(time.RFC3339) != "2026-11-22T10:30:00+08:00" {
			t.Errorf("ReportedAt = %v, want it kept in Beijing time, as triage reads its civil date", got.Record.Case.ReportedAt)
		}

		// A purchase date known to the month only, and no SLA, lists or window.
		sparse := ticket("case-sparse", at(t, "2026-11-22 11:00"), func(t *triage.Ticket) {
			t.Record.Case.PurchaseDate = triage.Date{Year: 2024, Month: time.May}
			t.Result.SLA = triage.SLA{}
			t.StepsTried, t.Attachments, t.Result.Reasons = nil, nil, nil
		})
		created = create(t, s, sparse)
		if got, err = s.Get(ctx, created.Number); err != nil {
			t.Fatal(err)
		}
		sparse.Number, sparse.Status, sparse.UpdatedAt = created.Number, triage.StatusNew, sparse.CreatedAt
		sameTicket(t, got, sparse)
		if !got.Record.Case.PurchaseDate.MonthOnly() {
			t.Errorf("PurchaseDate = %v, want month only", got.Record.Case.PurchaseDate)
		}
	})
}

func TestCreate(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		reported := at(t, "2026-11-22 10:30")
		got := create(t, s, ticket("case-1", reported))
		if got.Status != triage.StatusNew || !got.UpdatedAt.Equal(reported) {
			t.Errorf("Status %q UpdatedAt %v; want new and the creation time", got.Status, got.UpdatedAt)
		}
		hist, err := s.History(ctx, got.Number)
		if err != nil {
			t.Fatal(err)
		}
		want := []triage.StatusChange{{To: triage.StatusNew, At: reported.UTC(), By: "system"}}
		if !reflect.DeepEqual(hist, want) {
			t.Errorf("History = %+v, want %+v", hist, want)
		}

		for _, tt := range []struct {
			name string
			t    triage.Ticket
		}{
			{"no case key", ticket("", reported)},
			{"no creation time", ticket("case-x", time.Time{})},
			{"unknown status", ticket("case-y", reported, func(t *triage.Ticket) { t.Status = "lost" })},
		} {
			if _, _, err := s.Create(ctx, tt.t); err == nil {
				t.Errorf("%s: Create succeeded", tt.name)
			}
		}
		if n := count(t, db, "tickets"); n != 1 {
			t.Errorf("%d tickets after rejected creations, want 1", n)
		}
	})
}

func TestCreateIsIdempotent(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		first := create(t, s, ticket("case-1", at(t, "2026-11-22 10:30")))
		retry := ticket("case-1", at(t, "2026-11-22 10:31"), func(t *triage.Ticket) { t.Record.Name = "改过的名字" })
		got, created, err := s.Create(ctx, retry)
		if err != nil || created {
			t.Fatalf("retried Create: created %v, %v; want the existing ticket", created, err)
		}
		sameTicket(t, got, first)
		if next := create(t, s, ticket("case-2", at(t, "2026-11-22 10:32"))); next.Number != "RS20261122-0002" {
			t.Errorf("next number %s, want RS20261122-0002: the retry must not use a number", next.Number)
		}
	})
}

// TestCreateConcurrentSameCaseKey races many creations of one case key, as retried
// webhooks on several instances do; exactly one may create, and no number is lost.
func TestCreateConcurrentSameCaseKey(t *testing.T) {
	const workers, keys = 16, 3
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		reported := at(t, "2026-11-22 10:30")
		type outcome struct {
			key     string
			number  string
			created bool
			err     error
		}
		out := make(chan outcome, workers*keys)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for w := range workers * keys {
			key := fmt.Sprintf("case-%d", w%keys)
			wg.Go(func() {
				<-start
				got, created, err := s.Create(ctx, ticket(key, reported))
				out <- outcome{key, got.Number, created, err}
			})
		}
		close(start)
		wg.Wait()
		close(out)
		createdBy := map[string]int{}
		numberOf := map[string]string{}
		for o := range out {
			if o.err != nil {
				t.Fatalf("Create(%s): %v", o.key, o.err)
			}
			if o.created {
				createdBy[o.key]++
			}
			if prev, ok := numberOf[o.key]; ok && prev != o.number {
				t.Errorf("case %s got numbers %s and %s", o.key, prev, o.number)
			}
			numberOf[o.key] = o.number
		}
		for k := range keys {
			if n := createdBy[fmt.Sprintf("case-%d", k)]; n != 1 {
				t.Errorf("case-%d created %d times, want 1", k, n)
			}
		}
		if n := count(t, db, "tickets"); n != keys {
			t.Errorf("%d tickets, want %d", n, keys)
		}
		checkGapless(t, "RS20261122", slices.Collect(maps.Values(numberOf)))
		checkCounts(t, db)
	})
}

// TestCreateConcurrentAcrossMidnight races creations of one case key stamped on two days,
// as a retry after midnight is: they hold different day counters, so the unique index
// decides. One ticket results, and neither day loses a number.
func TestCreateConcurrentAcrossMidnight(t *testing.T) {
	const workers = 12
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		days := []time.Time{at(t, "2026-11-22 23:59"), at(t, "2026-11-23 00:00")}
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			created int
			nums    = map[string]bool{}
		)
		start := make(chan struct{})
		for w := range workers {
			wg.Go(func() {
				<-start
				got, ok, err := s.Create(ctx, ticket("case-midnight", days[w%2]))
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Errorf("Create: %v", err)
					return
				}
				if ok {
					created++
				}
				nums[got.Number] = true
			})
		}
		close(start)
		wg.Wait()
		if created != 1 || len(nums) != 1 {
			t.Fatalf("%d creations, numbers %v; want one ticket", created, nums)
		}
		var winner string
		for n := range nums {
			winner = n
		}
		for _, day := range days {
			stem := s.stem(day)
			want := stem + "-0001"
			if strings.HasPrefix(winner, stem) {
				want = stem + "-0002"
			}
			if next := create(t, s, ticket("after-"+stem, day)); next.Number != want {
				t.Errorf("after the race won by %s, the next number of %s is %s, want %s", winner, stem, next.Number, want)
			}
		}
		checkCounts(t, db)
	})
}

func TestGetUnknown(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.Get(context.Background(), "RS20261122-0001"); !errors.Is(err, triage.ErrNotFound) {
			t.Errorf("Get = %v, want ErrNotFound", err)
		}
	})
}

func TestListByOpenID(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		for i, day := range []string{"2026-11-20", "2026-11-22", "2026-11-21"} {
			create(t, s, ticket(fmt.Sprint("mine-", i), at(t, day+" 10:00")))
		}
		create(t, s, ticket("other", at(t, "2026-11-23 10:00"), func(t *triage.Ticket) { t.OpenID = "o-other" }))
		for _, tt := range []struct {
			limit int
			want  []string
		}{
			{0, []string{"mine-1", "mine-2", "mine-0"}},
			{2, []string{"mine-1", "mine-2"}},
		} {
			got, err := s.ListByOpenID(ctx, "o-customer-1", tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(caseKeys(got), tt.want) {
				t.Errorf("limit %d: %v, want %v", tt.limit, caseKeys(got), tt.want)
			}
		}
		if got, err := s.ListByOpenID(ctx, "o-nobody", 10); err != nil || len(got) != 0 {
			t.Errorf("unknown customer: %v, %v; want none", caseKeys(got), err)
		}
	})
}

// ListRepaired keeps the customer's completed and closed tickets of the category asked,
// newest first: not another customer's, not another product's, not one still open.
func TestListRepaired(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		status := func(st triage.Status) func(*triage.Ticket) { return func(t *triage.Ticket) { t.Status = st } }
		create(t, s, ticket("done-old", at(t, "2026-11-20 10:00"), status(triage.StatusCompleted)))
		create(t, s, ticket("closed-new", at(t, "2026-11-22 10:00"), status(triage.StatusClosed)))
		create(t, s, ticket("open", at(t, "2026-11-23 10:00")))
		create(t, s, ticket("fridge", at(t, "2026-11-21 10:00"), status(triage.StatusCompleted),
			func(t *triage.Ticket) { t.Category, t.Record.Case.Category = "refrigerator", "refrigerator" }))
		create(t, s, ticket("other", at(t, "2026-11-21 11:00"), status(triage.StatusCompleted),
			func(t *triage.Ticket) { t.OpenID = "o-other" }))
		for _, tt := range []struct {
			category string
			limit    int
			want     []string
		}{
			{"washing_machine", 0, []string{"closed-new", "done-old"}},
			{"washing_machine", 1, []string{"closed-new"}},
			{"refrigerator", 0, []string{"fridge"}},
			{"television", 0, nil},
		} {
			got, err := s.ListRepaired(ctx, "o-customer-1", tt.category, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(caseKeys(got), tt.want) {
				t.Errorf("%s, limit %d: %v, want %v", tt.category, tt.limit, caseKeys(got), tt.want)
			}
		}
	})
}

func TestUpdate(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:30")))
		later := at(t, "2026-11-22 11:00")
		window := triage.Window{Start: at(t, "2026-11-24 14:00"), End: at(t, "2026-11-24 16:00"), Slot: "下午"}
		got, err := s.Update(ctx, tk.Number, func(t *triage.Ticket) error {
			t.Assignee, t.Group, t.VisitWindow, t.UpdatedAt = "staff-1", "east", window, later
			t.Priority = triage.PriorityUrgent
			t.Attachments = append(t.Attachments, "media-2")
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		reread, err := s.Get(ctx, tk.Number)
		if err != nil {
			t.Fatal(err)
		}
		sameTicket(t, reread, got)
		want := tk
		want.Assignee, want.Group, want.VisitWindow, want.UpdatedAt = "staff-1", "east", window, later
		want.Priority, want.Attachments = triage.PriorityUrgent, []string{"media-photo-1", "media-2"}
		sameTicket(t, reread, want)
		if open, _, _ := s.ListOpen(ctx, triage.Filter{Priority: triage.PriorityUrgent, Assignee: "staff-1"}, triage.Page{}); len(open) != 1 {
			t.Errorf("the queue columns did not follow the update: %v", caseKeys(open))
		}

		fnErr := errors.New("customer hung up")
		if _, err := s.Update(ctx, tk.Number, func(t *triage.Ticket) error { t.Assignee = "staff-2"; return fnErr }); !errors.Is(err, fnErr) {
			t.Errorf("Update with a failing fn = %v, want its error", err)
		}
		for name, fn := range map[string]func(*triage.Ticket){
			"number":   func(t *triage.Ticket) { t.Number = "RS20261122-0099" },
			"case key": func(t *triage.Ticket) { t.CaseKey = "case-2" },
			"status":   func(t *triage.Ticket) { t.Status = triage.StatusClosed },
		} {
			_, err := s.Update(ctx, tk.Number, func(t *triage.Ticket) error { t.Assignee = "staff-2"; fn(t); return nil })
			if !errors.Is(err, triage.ErrConflict) {
				t.Errorf("Update changing the %s = %v, want ErrConflict", name, err)
			}
		}
		if after, _ := s.Get(ctx, tk.Number); after.Assignee != "staff-1" {
			t.Errorf("Assignee = %q after rejected updates, want staff-1", after.Assignee)
		}
		if _, err := s.Update(ctx, "RS20990101-0001", func(*triage.Ticket) error { return nil }); !errors.Is(err, triage.ErrNotFound) {
			t.Errorf("Update of an unknown ticket = %v, want ErrNotFound", err)
		}
		if _, err := s.Update(ctx, tk.Number, func(t *triage.Ticket) error { t.Comment = "同一优先级"; return nil }); err != nil {
			t.Fatal(err)
		}
		checkCounts(t, db)
	})
}

// TestWithTx shows a ticket and its notification committing or rolling back together.
func TestWithTx(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		boom := errors.New("boom")
		for _, fail := range []bool{true, false} {
			err := db.Transaction(func(tx *gorm.DB) error {
				tk, _, err := s.WithTx(tx).Create(ctx, ticket("case-tx", at(t, "2026-11-22 10:30")))
				if err != nil {
					return err
				}
				if _, err := Enqueue(ctx, tx, Notification{TicketNumber: tk.Number, OpenID: tk.OpenID, Kind: "ticket_created"}); err != nil {
					return err
				}
				if fail {
					return boom
				}
				return nil
			})
			if fail != errors.Is(err, boom) {
				t.Fatalf("fail=%v: transaction = %v", fail, err)
			}
			tickets, notes := count(t, db, "tickets"), count(t, db, "outbox")
			if want := map[bool]int64{true: 0, false: 1}[fail]; tickets != want || notes != want {
				t.Errorf("fail=%v: %d tickets and %d notifications, want %d of each", fail, tickets, notes, want)
			}
		}
		if tk := create(t, s, ticket("case-after", at(t, "2026-11-22 11:00"))); tk.Number != "RS20261122-0002" {
			t.Errorf("number after a rolled-back creation: %s, want RS20261122-0002", tk.Number)
		}
		checkCounts(t, db)
	})
}

// TestRowsMatchSchema: the row structs match the tables the migrations create, so no
// column a struct gains is missing from a database (and gorm's AutoMigrate, never run by
// the product, would find nothing to change).
func TestRowsMatchSchema(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		migrationstest.CheckRows(t, db, &ticketRow{}, &counterRow{}, &countRow{}, &historyRow{}, &transcriptRow{}, &outboxRow{})
	})
}

// TestRecount rebuilds ticket_counts from the tickets, as after tickets changed other than
// through the Store: here, counts lost altogether.
func TestRecount(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := queueFixture(t, db), context.Background()
		if err := db.Exec("DELETE FROM ticket_counts").Error; err != nil {
			t.Fatal(err)
		}
		if err := Recount(ctx, db); err != nil {
			t.Fatal(err)
		}
		checkCounts(t, db)
		if _, total, err := s.ListOpen(ctx, triage.Filter{}, triage.Page{}); err != nil || total != 7 {
			t.Errorf("ListOpen total %d, %v; want 7", total, err)
		}
	})
}

// TestSetVisit books a window with the single-statement path the bot uses: only on the
// customer's own ticket, and again with the same window without error.
func TestSetVisit(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:30")))
		window := triage.Window{Start: at(t, "2026-11-24 14:00"), End: at(t, "2026-11-24 16:00"), Slot: "下午"}
		for i := range 2 { // the second time changes no row
			if err := s.SetVisit(ctx, tk.Number, tk.OpenID, window); err != nil {
				t.Fatalf("SetVisit #%d: %v", i+1, err)
			}
		}
		got, err := s.Get(ctx, tk.Number)
		if err != nil {
			t.Fatal(err)
		}
		want := tk
		want.VisitWindow = window
		sameTicket(t, got, want)

		for _, c := range []struct{ number, openID string }{
			{tk.Number, "someone-else"},
			{"RS20991231-0001", tk.OpenID},
		} {
			if err := s.SetVisit(ctx, c.number, c.openID, window); !errors.Is(err, triage.ErrNotFound) {
				t.Errorf("SetVisit(%s, %s) = %v, want ErrNotFound", c.number, c.openID, err)
			}
		}
	})
}
