package triagedb

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// fillNow is the moment the generated ticket history ends.
var fillNow = time.Date(2026, time.November, 22, 12, 0, 0, 0, shanghai)

// fillColumns are the tickets columns fillTickets writes, in its argument order.
var fillColumns = []string{"number", "case_key", "open_id", "status", "is_open", "priority", "priority_rank",
	"due_at", "diagnosis_due_at", "category", "rule_id", "assignee", "group_name", "visit_slot",
	"record", "result", "steps_tried", "attachments", "rating", "comment", "created_at", "updated_at"}

// fillBatch is the number of rows per INSERT; fillTxBatches INSERTs share a transaction;
// fillWorkers connections insert at once.
const (
	fillBatch     = 1000
	fillTxBatches = 20
	fillWorkers   = 2
)

// fillTickets inserts n generated tickets spread over the year before fillNow, in
// multi-row INSERTs of fillBatch rows, fillTxBatches to a transaction, from fillWorkers
// connections while this goroutine generates the next rows. The spread is what a service
// accumulates: most tickets closed, the open ones mostly recent (90% of the last three
// days, 30% of the last month, 3% of older ones: long repairs), 8% urgent and 15%
// routine, staff, groups, categories and customers drawn from fixed pools. Numbers follow
// creation per day, and the day counters and ticket_counts are set so the Store carries
// on from them. seed makes the data repeatable.
func fillTickets(tb testing.TB, db *gorm.DB, n int, seed uint64) {
	tb.Helper()
	started := time.Now()
	rng := rand.New(rand.NewPCG(seed, 0x7269616765))
	templates := fillTemplates(tb)
	store := New(db, Config{Location: shanghai})
	span := 365 * 24 * time.Hour
	first := fillNow.Add(-span)
	counters := map[string]int64{}

	ctx := context.Background()
	sqlDB, err := db.DB()
	if err != nil {
		tb.Fatal(err)
	}
	chunks := make(chan [][]any, fillWorkers)
	errs := make(chan error, fillWorkers)
	var wg sync.WaitGroup
	for range fillWorkers {
		wg.Go(func() {
			var err error
			for chunk := range chunks {
				if err == nil {
					err = fillChunk(ctx, sqlDB, chunk)
				}
			}
			errs <- err
		})
	}
	for done := 0; done < n; {
		var chunk [][]any
		for b := 0; b < fillTxBatches && done < n; b++ {
			rows := min(fillBatch, n-done)
			args := make([]any, 0, rows*len(fillColumns))
			for i := done; i < done+rows; i++ {
				created := first.Add(time.Duration(float64(span) * float64(i) / float64(n))).Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
				stem := store.stem(created)
				counters[stem]++
				args = appendFillRow(args, rng, templates[rng.IntN(len(templates))], i, seed, created,
					triage.FormatNumber(store.prefix, created.In(shanghai), int(counters[stem])))
			}
			chunk = append(chunk, args)
			done += rows
		}
		chunks <- chunk
	}
	close(chunks)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			tb.Fatalf("fill tickets: %v", err)
		}
	}

	rows := make([]counterRow, 0, len(counters))
	for stem, seq := range counters {
		rows = append(rows, counterRow{Stem: stem, Seq: seq})
	}
	if err := db.CreateInBatches(rows, 500).Error; err != nil {
		tb.Fatal(err)
	}
	if err := Recount(ctx, db); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("filled %d tickets in %v", n, time.Since(started).Round(time.Millisecond))
}

// fillChunk inserts batches of generated rows in one transaction.
func fillChunk(ctx context.Context, db *sql.DB, batches [][]any) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, args := range batches {
		if _, err := tx.ExecContext(ctx, fillInsert(len(args)/len(fillColumns)), args...); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// fillInsert returns the INSERT of rows generated tickets.
func fillInsert(rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(fillColumns)), ",") + ")"
	return "INSERT INTO tickets (" + strings.Join(fillColumns, ",") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

// fillTemplate is the JSON of one generated intake, shared by many rows.
type fillTemplate struct {
	category, rule, record, result, steps, media string
}

// fillTemplates triages a few intakes per category to give generated rows realistic
// documents without triaging a million cases.
func fillTemplates(tb testing.TB) []fillTemplate {
	categories := []string{"air_conditioner", "washing_machine", "refrigerator", "water_heater", "tv", "phone",
		"laptop", "range_hood", "microwave", "dishwasher", "vacuum", "router"}
	symptoms := []string{"不制冷，显示E4", "不脱水，有异响", "开不了机", "屏幕有划痕", "漏水", "有焦味冒烟"}
	var out []fillTemplate
	for i, cat := range categories {
		for j, symptom := range symptoms {
			t := ticket(fmt.Sprint("template-", i, "-", j), fillNow, func(t *triage.Ticket) {
				t.Category, t.Record.Case.Category, t.Record.Case.Symptom = cat, cat, symptom
				t.Record.Case.Safety = j == 5
				t.Result = triage.Triage(t.Record.Case, triage.DefaultPolicies().For(cat), calendar)
			})
			row, err := toDBTicket(t)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, fillTemplate{cat, cat + ".rule" + fmt.Sprint(j), row.Record, row.Result, row.StepsTried, row.Attachments})
		}
	}
	return out
}

// appendFillRow appends the column values of the i-th generated ticket to args.
func appendFillRow(args []any, rng *rand.Rand, tpl fillTemplate, i int, seed uint64, created time.Time, number string) []any {
	age := fillNow.Sub(created)
	openShare := 0.03
	switch {
	case age < 3*24*time.Hour:
		openShare = 0.9
	case age < 30*24*time.Hour:
		openShare = 0.3
	}
	var status triage.Status
	if rng.Float64() < openShare {
		status = pick(rng, []triage.Status{triage.StatusNew, triage.StatusAccepted, triage.StatusDiagnosing, triage.StatusRepairing}, []float64{.3, .25, .25, .2})
	} else {
		status = pick(rng, []triage.Status{triage.StatusClosed, triage.StatusCancelled, triage.StatusCompleted}, []float64{.85, .1, .05})
	}
	priority := pick(rng, []triage.Priority{triage.PriorityUrgent, triage.PriorityNormal, triage.PriorityRoutine}, []float64{.08, .77, .15})
	due := created.Add(24*time.Hour + time.Duration(rng.IntN(48))*time.Hour)
	if priority == triage.PriorityUrgent {
		due = created.Add(4 * time.Hour)
	}
	assignee := ""
	if status != triage.StatusNew {
		assignee = fmt.Sprintf("staff-%02d", rng.IntN(50))
	}
	rating := 0
	if status == triage.StatusClosed {
		rating = 1 + rng.IntN(5)
	}
	return append(args, number, fmt.Sprintf("fill-%d-%d", seed, i), fmt.Sprintf("o-%06d", rng.IntN(300000)),
		string(status), status.Open(), string(priority), priority.Rank(),
		dbTime(due), dbTime(due.Add(24*time.Hour)), tpl.category, tpl.rule, assignee,
		fmt.Sprintf("group-%d", rng.IntN(10)), "", tpl.record, tpl.result, tpl.steps, tpl.media, rating, "",
		dbTime(created), dbTime(created.Add(time.Duration(rng.IntN(72))*time.Hour)))
}

// pick draws one of values with the given weights (summing to 1).
func pick[T any](rng *rand.Rand, values []T, weights []float64) T {
	x := rng.Float64()
	for i, w := range weights {
		if x < w {
			return values[i]
		}
		x -= w
	}
	return values[len(values)-1]
}
