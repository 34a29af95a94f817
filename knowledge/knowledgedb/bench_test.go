package knowledgedb

import (
	"testing"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// BenchmarkApplyRevision is what a watcher does for each publish before the swap: read
// the revision's files from the database, parse them and compile the matcher.
func BenchmarkApplyRevision(b *testing.B) {
	s := newStore(b, testenv.SQLite(b))
	for b.Loop() {
		s.mu.Lock()
		s.rev = parsed{} // no cache: every publish is a new version
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
