package triagedb

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// benchTickets is how many tickets BenchmarkQueue fills the table with: the
// INTAKE_BENCH_TICKETS environment variable, 20,000 by default so a plain -bench run stays
// quick. The design target is INTAKE_BENCH_TICKETS=1000000:
//
//	INTAKE_BENCH_TICKETS=1000000 ./scripts/test.sh -run='^$' -bench=BenchmarkQueue/mariadb ./triage/triagedb
func benchTickets(b *testing.B) int {
	v := os.Getenv("INTAKE_BENCH_TICKETS")
	if v == "" {
		return 20000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("INTAKE_BENCH_TICKETS=%q: want a positive number", v)
	}
	return n
}

// eachBenchDB runs fn as sub-benchmark "mariadb" and "sqlite", each on a fresh database.
func eachBenchDB(b *testing.B, fn func(b *testing.B, db *gorm.DB)) {
	b.Run("mariadb", func(b *testing.B) { fn(b, testenv.MySQL(b)) })
	b.Run("sqlite", func(b *testing.B) { fn(b, testenv.SQLite(b)) })
}

// timed runs op in b's loop and reports the median and 99th percentile besides the mean.
func timed(b *testing.B, op func()) {
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		op()
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns/op")
	b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns/op")
}

// BenchmarkCreate creates distinct tickets one after another: ticket row, history entry,
// count and number in one transaction.
func BenchmarkCreate(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *gorm.DB) {
		s, ctx := newStore(b, db), context.Background()
		tk := ticket("", at(b, "2026-11-22 10:00"))
		i := 0
		timed(b, func() {
			i++
			tk.CaseKey = fmt.Sprint("bench-", i)
			if _, created, err := s.Create(ctx, tk); err != nil || !created {
				b.Fatalf("Create: %v %v", created, err)
			}
		})
	})
}

// BenchmarkCreateConcurrent creates distinct tickets of one day from 32 goroutines at
// once, as 32 customers confirming together do: every creation takes the day's counter
// row, so this measures how many tickets a day's numbering lets through per second.
func BenchmarkCreateConcurrent(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *gorm.DB) {
		s, ctx := newStore(b, db), context.Background()
		var n atomic.Int64
		b.SetParallelism(32 / max(1, runtime.GOMAXPROCS(0)))
		start := time.Now()
		b.RunParallel(func(pb *testing.PB) {
			tk := ticket("", at(b, "2026-11-22 10:00"))
			for pb.Next() {
				tk.CaseKey = fmt.Sprint("bench-", n.Add(1))
				if _, created, err := s.Create(ctx, tk); err != nil || !created {
					b.Errorf("Create: %v %v", created, err)
					return
				}
			}
		})
		b.ReportMetric(float64(n.Load())/time.Since(start).Seconds(), "tickets/s")
	})
}

// BenchmarkQueue reads the first page of the staff queue from a table of benchTickets
// generated tickets (see fillTickets), unfiltered and with the usual filters, then
// creates tickets in the full table.
func BenchmarkQueue(b *testing.B) {
	n := benchTickets(b)
	eachBenchDB(b, func(b *testing.B, db *gorm.DB) {
		s, ctx := newStore(b, db), context.Background()
		fillTickets(b, db, n, 42)
		if isMySQL(db) {
			if err := db.Exec("ANALYZE TABLE tickets").Error; err != nil {
				b.Fatal(err)
			}
		} else if err := db.Exec("ANALYZE").Error; err != nil {
			b.Fatal(err)
		}
		for _, bc := range []struct {
			name string
			f    triage.Filter
		}{
			{"all", triage.Filter{}},
			{"unassigned", triage.Filter{Unassigned: true}},
			{"assignee", triage.Filter{Assignee: "staff-07"}},
			{"group", triage.Filter{Group: "group-3"}},
			{"urgent", triage.Filter{Priority: triage.PriorityUrgent}},
		} {
			b.Run(bc.name, func(b *testing.B) {
				var total int
				timed(b, func() {
					page, all, err := s.ListOpen(ctx, bc.f, triage.Page{})
					if err != nil || len(page) == 0 {
						b.Fatalf("ListOpen: %d tickets, %v", len(page), err)
					}
					total = all
				})
				b.ReportMetric(float64(total), "matching")
			})
		}
		// Creation with the table full: every index is large now.
		b.Run("create", func(b *testing.B) {
			tk := ticket("", fillNow)
			i := 0
			timed(b, func() {
				i++
				tk.CaseKey = fmt.Sprint("bench-full-", i)
				if _, created, err := s.Create(ctx, tk); err != nil || !created {
					b.Fatalf("Create: %v %v", created, err)
				}
			})
		})
	})
}
