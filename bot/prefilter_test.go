package bot

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxintake/intake/knowledge"
)

// TestPrefiltersNeverReject: the literal prefilters in front of the act, topic and dialog
// cues (knowledge.Gated) never reject a text their expression matches, over the customer
// messages of the corpus and the goldens, in the forms the cues read.
func TestPrefiltersNeverReject(t *testing.T) {
	var raw []string
	files, _ := filepath.Glob("../corpus/*.jsonl")
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var row struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &row) == nil && row.Text != "" {
				raw = append(raw, row.Text)
			}
		}
		fh.Close()
	}
	goldens, _ := filepath.Glob("testdata/*/*.txt")
	for _, f := range goldens {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(line, "> "); ok {
				raw = append(raw, s)
			}
		}
	}
	if len(raw) < 1000 {
		t.Fatalf("only %d texts", len(raw))
	}
	seen := map[string]bool{}
	for i, s := range raw {
		if i%3 != 0 { // a third of the messages: 483 expressions each
			continue
		}
		c := knowledge.Canon(s)
		for _, f := range []string{c, ActText(c)} {
			if seen[f] {
				continue
			}
			seen[f] = true
			if bad := knowledge.CheckPrefilters(f); len(bad) > 0 {
				t.Fatalf("%q: prefilter rejects a match of %q", f, bad[0])
			}
		}
	}
	all, cond := knowledge.PrefilterStats()
	t.Logf("%d texts, %d expressions, %d with a condition", len(seen), all, cond)
}
