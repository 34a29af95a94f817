package triagedb

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// queueFixture stores tickets covering every queue field and returns the store. In queue
// order the open ones are u2 u1 n3 n1 n2 none r1.
func queueFixture(t *testing.T, db *gorm.DB) *Store {
	t.Helper()
	s := newStore(t, db)
	type spec struct {
		key      string
		status   triage.Status
		priority triage.Priority
		due      string // first-response deadline; "" for none
		assignee string
		group    string
		category string
	}
	for _, sp := range []spec{ // creation order; n1 before n2 breaks their tie
		{"r1", triage.StatusRepairing, triage.PriorityRoutine, "2026-11-24 18:00", "staff-1", "east", "washing_machine"},
		{"n1", triage.StatusNew, triage.PriorityNormal, "2026-11-23 18:00", "", "west", "washing_machine"},
		{"u1", triage.StatusNew, triage.PriorityUrgent, "2026-11-22 14:00", "", "east", "air_conditioner"},
		{"done", triage.StatusCompleted, triage.PriorityUrgent, "2026-11-22 08:00", "staff-1", "east", "washing_machine"},
		{"n2", triage.StatusNew, triage.PriorityNormal, "2026-11-23 18:00", "", "west", "washing_machine"},
		{"u2", triage.StatusAccepted, triage.PriorityUrgent, "2026-11-22 13:00", "staff-1", "east", "washing_machine"},
		{"gone", triage.StatusCancelled, triage.PriorityNormal, "2026-11-22 09:00", "", "west", "washing_machine"},
		{"n3", triage.StatusDiagnosing, triage.PriorityNormal, "2026-11-23 12:00", "staff-2", "west", "washing_machine"},
		{"none", triage.StatusNew, triage.PriorityNormal, "", "", "west", "air_conditioner"},
	} {
		create(t, s, ticket(sp.key, at(t, "2026-11-22 10:00"), func(tk *triage.Ticket) {
			tk.Status, tk.Priority, tk.Assignee, tk.Group, tk.Category = sp.status, sp.priority, sp.assignee, sp.group, sp.category
			tk.Complaint = sp.key == "u1" || sp.key == "n2" || sp.key == "done"
			if sp.due == "" {
				tk.Result.SLA = triage.SLA{}
			} else {
				tk.Result.SLA.FirstResponseBy = at(t, sp.due)
			}
		}))
	}
	return s
}

func TestListOpen(t *testing.T) {
	tests := []struct {
		name string
		f    triage.Filter
		want string // case keys in order
	}{
		{"all open", triage.Filter{}, "u2 u1 n3 n1 n2 none r1"},
		{"new", triage.Filter{Statuses: []triage.Status{triage.StatusNew}}, "u1 n1 n2 none"},
		{"being worked on", triage.Filter{Statuses: []triage.Status{triage.StatusAccepted, triage.StatusDiagnosing}}, "u2 n3"},
		{"a closed status lists nothing", triage.Filter{Statuses: []triage.Status{triage.StatusCompleted}}, ""},
		{"urgent", triage.Filter{Priority: triage.PriorityUrgent}, "u2 u1"},
		{"routine", triage.Filter{Priority: triage.PriorityRoutine}, "r1"},
		{"group", triage.Filter{Group: "east"}, "u2 u1 r1"},
		{"assignee", triage.Filter{Assignee: "staff-1"}, "u2 r1"},
		{"unassigned", triage.Filter{Unassigned: true}, "u1 n1 n2 none"},
		{"category", triage.Filter{Category: "air_conditioner"}, "u1 none"},
		{"combined", triage.Filter{Group: "west", Unassigned: true, Priority: triage.PriorityNormal}, "n1 n2 none"},
		{"complaints", triage.Filter{Complaint: true}, "u1 n2"},
		{"urgent complaints", triage.Filter{Complaint: true, Priority: triage.PriorityUrgent}, "u1"},
		{"nobody matches", triage.Filter{Assignee: "staff-9"}, ""},
	}
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := queueFixture(t, db), context.Background()
		checkCounts(t, db)
		for _, tt := range tests {
			got, total, err := s.ListOpen(ctx, tt.f, triage.Page{})
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			want := strings.Fields(tt.want)
			if !slices.Equal(caseKeys(got), want) || total != len(want) {
				t.Errorf("%s: %v (total %d), want %v", tt.name, caseKeys(got), total, want)
			}
		}
	})
}

func TestListOpenPages(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := queueFixture(t, db), context.Background()
		for _, tt := range []struct {
			p    triage.Page
			want string
		}{
			{triage.Page{Limit: 3}, "u2 u1 n3"},
			{triage.Page{Limit: 3, Offset: 3}, "n1 n2 none"},
			{triage.Page{Limit: 3, Offset: 6}, "r1"},
			{triage.Page{Limit: 3, Offset: 9}, ""},
			{triage.Page{Offset: -1}, "u2 u1 n3 n1 n2 none r1"},
		} {
			got, total, err := s.ListOpen(ctx, triage.Filter{}, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Fields(tt.want); !slices.Equal(caseKeys(got), want) || total != 7 {
				t.Errorf("page %+v: %v (total %d), want %v of 7", tt.p, caseKeys(got), total, want)
			}
		}
	})
}

// TestQueueUsesIndex checks on MariaDB that the queue queries read their index in order:
// the key is the one designed for them and no filesort is needed. The table holds a
// realistic spread of tickets so the optimizer's choice is the one it makes in service.
func TestQueueUsesIndex(t *testing.T) {
	db := testenv.MySQL(t)
	migrationstest.Migrate(t, db)
	fillTickets(t, db, 5000, 1)
	if err := db.Exec("ANALYZE TABLE tickets").Error; err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    triage.Filter
		key  string
	}{
		{"default queue", triage.Filter{}, "idx_tickets_queue"},
		{"one priority", triage.Filter{Priority: triage.PriorityUrgent}, "idx_tickets_queue"},
		{"assignee", triage.Filter{Assignee: "staff-07"}, "idx_tickets_assignee"},
		{"unassigned", triage.Filter{Unassigned: true}, "idx_tickets_assignee"},
		{"group", triage.Filter{Group: "group-3"}, "idx_tickets_group"},
		{"category", triage.Filter{Category: "refrigerator"}, "idx_tickets_category"},
		{"one status", triage.Filter{Statuses: []triage.Status{triage.StatusDiagnosing}}, "idx_tickets_status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sql := db.ToSQL(func(tx *gorm.DB) *gorm.DB {
				return queueQuery(tx, tt.f).Limit(DefaultPageSize).Find(&[]ticketRow{})
			})
			var plan []struct {
				Key   *string
				Type  string
				Extra *string
			}
			if err := db.Raw("EXPLAIN " + sql).Scan(&plan).Error; err != nil {
				t.Fatal(err)
			}
			if len(plan) != 1 {
				t.Fatalf("plan has %d rows, want 1", len(plan))
			}
			key, extra := deref(plan[0].Key), deref(plan[0].Extra)
			if key != tt.key || strings.Contains(extra, "filesort") {
				t.Errorf("EXPLAIN %s\n: key %q type %s extra %q; want key %s and no filesort", sql, key, plan[0].Type, extra, tt.key)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestRecountWhileCreating recounts while tickets are created and moved: no change is
// lost or counted twice.
func TestRecountWhileCreating(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		done := make(chan struct{})
		recounted := make(chan error, 1)
		go func() {
			var err error
			for {
				select {
				case <-done:
					recounted <- err
					return
				default:
				}
				if err = Recount(ctx, db); err != nil {
					recounted <- err
					<-done
					return
				}
				time.Sleep(2 * time.Millisecond) // let writers in: SQLite has no fair lock queue
			}
		}()
		nums := createMany(t, s, "r", 4, 10)
		for _, n := range nums[:10] {
			if _, err := s.UpdateStatus(ctx, n, triage.StatusChange{From: triage.StatusNew, To: triage.StatusAccepted, At: at(t, "2026-11-22 11:00")}); err != nil {
				t.Fatal(err)
			}
		}
		close(done)
		if err := <-recounted; err != nil {
			t.Fatalf("Recount: %v", err)
		}
		checkCounts(t, db)
		if _, total, err := s.ListOpen(ctx, triage.Filter{Statuses: []triage.Status{triage.StatusAccepted}}, triage.Page{}); err != nil || total != 10 {
			t.Errorf("accepted total %d, %v; want 10", total, err)
		}
	})
}
