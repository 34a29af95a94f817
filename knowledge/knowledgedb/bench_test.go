package knowledgedb

import (
	"testing"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// BenchmarkApplyRevision is what a watcher does for each publish before the swap: read
// the revision's files from the database, parse them and compile the matcher. Cold: no
// revision parsed before (an instance's start).
func BenchmarkApplyRevision(b *testing.B) { benchApply(b, false) }

// BenchmarkApplyPublish is the same for a publish that left files unchanged: the watcher
// parsed the previous revision, so only the changed files are decoded again.
func BenchmarkApplyPublish(b *testing.B) { benchApply(b, true) }

func benchApply(b *testing.B, warm bool) {
	s := newStore(b, testenv.SQLite(b))
	prev, err := s.Load(ctx, 1)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.mu.Lock()
		s.rev = parsed{} // every publish is a new version
		if warm {
			s.rev = parsed{key: "previous", set: prev}
		}
		s.mu.Unlock()
		set, err := s.Load(ctx, 1)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := knowledge.NewMatcher(set); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPublishable is the gate of every publish on the shipped knowledge:
// validation and the self-test of every sample.
func BenchmarkCheckPublishable(b *testing.B) {
	set, err := knowledge.Shipped()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := knowledge.CheckPublishable(set); err != nil {
			b.Fatal(err)
		}
	}
}
