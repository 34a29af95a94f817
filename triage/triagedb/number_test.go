package triagedb

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

func TestNumbersPerDay(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		for _, tt := range []struct {
			created time.Time
			want    string
		}{
			{at(t, "2026-11-22 10:00"), "RS20261122-0001"},
			{at(t, "2026-11-22 23:59"), "RS20261122-0002"},
			// 16:00 UTC is midnight in Beijing: the next day's first number.
			{time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), "RS20261123-0001"},
			{time.Date(2026, 11, 22, 15, 59, 59, 0, time.UTC), "RS20261122-0003"},
			{at(t, "2026-11-23 08:00"), "RS20261123-0002"},
		} {
			got := create(t, s, ticket(fmt.Sprint("case-", tt.created.Unix()), tt.created))
			if got.Number != tt.want {
				t.Errorf("created %v: number %s, want %s", tt.created, got.Number, tt.want)
			}
		}
		// The sequence grows past four digits.
		if err := db.Model(&counterRow{}).Where("stem = ?", "RS20261123").Update("seq", 9999).Error; err != nil {
			t.Fatal(err)
		}
		if got := create(t, s, ticket("case-10000", at(t, "2026-11-23 09:00"))); got.Number != "RS20261123-10000" {
			t.Errorf("number after 9999: %s, want RS20261123-10000", got.Number)
		}
		// Another prefix keeps its own counter.
		other := New(db, Config{Prefix: "WX", Location: shanghai})
		if got := create(t, other, ticket("case-wx", at(t, "2026-11-22 10:00"))); got.Number != "WX20261122-0001" {
			t.Errorf("number with prefix WX: %s, want WX20261122-0001", got.Number)
		}
	})
}

// TestNumbersConcurrent creates tickets from many goroutines: every number of the day is
// handed out once, with no gaps.
func TestNumbersConcurrent(t *testing.T) {
	const workers, each = 8, 25
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		nums := createMany(t, s, "g", workers, each)
		checkGapless(t, "RS20261122", nums)
	})
}

// TestNumbersTwoProcesses creates tickets from two other processes — this test binary
// re-run as TestHelperProcess — and from this one at once, all on one MariaDB database,
// as several service instances do.
func TestNumbersTwoProcesses(t *testing.T) {
	const procs, workers, each = 2, 4, 30
	dsn := testenv.MySQLDSN(t)
	db, err := database.Open(database.Config{DSN: dsn}, testenv.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = database.Close(db) })
	s := newStore(t, db)

	var (
		cmds []*exec.Cmd
		outs []*bytes.Buffer
	)
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperDSN+"="+dsn, helperName+"="+fmt.Sprint("p", p),
			helperWorkers+"="+strconv.Itoa(workers), helperEach+"="+strconv.Itoa(each))
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	createMany(t, s, "parent", workers, each)
	for p, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper process %d: %v\n%s", p, err, outs[p])
		}
	}

	var nums []string
	if err := db.Model(&ticketRow{}).Order("id").Pluck("number", &nums).Error; err != nil {
		t.Fatal(err)
	}
	if want := (procs + 1) * workers * each; len(nums) != want {
		t.Fatalf("%d tickets, want %d", len(nums), want)
	}
	checkGapless(t, "RS20261122", nums)
	checkCounts(t, db)
	var byProcess []struct {
		Who string
		N   int
	}
	err = db.Raw("SELECT SUBSTRING_INDEX(case_key, '-', 1) AS who, COUNT(*) AS n FROM tickets GROUP BY who").Scan(&byProcess).Error
	if err != nil || len(byProcess) != procs+1 {
		t.Errorf("tickets by process: %+v, %v; want %d processes", byProcess, err, procs+1)
	}
}

// The environment of TestHelperProcess.
const (
	helperDSN     = "INTAKE_TRIAGEDB_HELPER_DSN"
	helperName    = "INTAKE_TRIAGEDB_HELPER_NAME"
	helperWorkers = "INTAKE_TRIAGEDB_HELPER_WORKERS"
	helperEach    = "INTAKE_TRIAGEDB_HELPER_EACH"
)

// TestHelperProcess is not a test: run by TestNumbersTwoProcesses in another process, it
// creates tickets on the database the environment names.
func TestHelperProcess(t *testing.T) {
	dsn := os.Getenv(helperDSN)
	if dsn == "" {
		t.Skip("runs only as a helper process of TestNumbersTwoProcesses")
	}
	workers, _ := strconv.Atoi(os.Getenv(helperWorkers))
	each, _ := strconv.Atoi(os.Getenv(helperEach))
	db, err := database.Open(database.Config{DSN: dsn}, testenv.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer database.Close(db)
	createMany(t, New(db, Config{Location: shanghai}), os.Getenv(helperName), workers, each)
}

// createMany creates workers×each tickets of 22 November 2026 from workers goroutines and
// returns their numbers.
func createMany(tb testing.TB, s *Store, name string, workers, each int) []string {
	tb.Helper()
	reported := at(tb, "2026-11-22 10:00")
	var (
		mu   sync.Mutex
		nums []string
		errs []error
		wg   sync.WaitGroup
	)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				got, _, err := s.Create(context.Background(), ticket(fmt.Sprintf("%s-%d-%d", name, w, i), reported))
				mu.Lock()
				nums, errs = append(nums, got.Number), append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			tb.Fatalf("Create: %v", err)
		}
	}
	return nums
}

// seq returns the sequence of a ticket number.
func seq(tb testing.TB, number string) int {
	tb.Helper()
	_, _, n, err := triage.ParseNumber(number)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
