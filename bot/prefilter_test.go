package bot

import (
	"testing"

	"github.com/wxintake/intake/internal/corpustext"
	"github.com/wxintake/intake/knowledge"
)

// TestPrefiltersNeverReject: the literal prefilters in front of the act, topic and dialog
// cues (knowledge.Gated) never reject a text their expression matches, over the customer
// messages of the corpus and the goldens, in the forms the cues read.
func TestPrefiltersNeverReject(t *testing.T) {
	raw, err := corpustext.Messages("..")
	if err != nil {
		t.Fatal(err)
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
			may := questionTopicIndex.Candidates(f)
			for i, q := range questionTopics {
				if !may.Has(i) && q.re.Regexp().MatchString(f) {
					t.Fatalf("%q: the question topics' index leaves out %q", f, q.re.Regexp())
				}
			}
		}
	}
	all, cond := knowledge.PrefilterStats()
	t.Logf("%d texts, %d expressions, %d with a condition", len(seen), all, cond)
}
