package triage

import "github.com/wxintake/intake/catalog"

// Reason explains one decision: Key is the catalog key (stable, for tests and metrics) and
// Text the sentence staff read.
type Reason struct {
	Key  string
	Text string
}

// String returns the sentence.
func (r Reason) String() string { return r.Text }

// because builds the Reason of catalog key with its placeholders filled.
func because(key string, kv ...any) Reason {
	return Reason{Key: key, Text: catalog.T(key, kv...)}
}
