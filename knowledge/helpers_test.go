package knowledge

import (
	"os"
	"testing"
)

// fixture parses and validates the small knowledge base in testdata/kb.
func fixture(tb testing.TB) *Set {
	tb.Helper()
	s, err := ParseFS(os.DirFS("testdata/kb"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		tb.Fatal(err)
	}
	return s
}

// fixtureMatcher builds a matcher over the fixture.
func fixtureMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	m, err := NewMatcher(fixture(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// triggerMatcher builds a matcher over the fixture without its similarity index: the
// trigger layer alone, whose rankings, scores and reasons the trigger tests pin exactly
// (similar_test.go tests the two together).
func triggerMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	return fixtureMatcher(tb).withSimilarity(nil)
}
