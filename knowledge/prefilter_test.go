package knowledge

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/wxintake/intake/internal/corpustext"
)

// corpusTexts are the customer messages of the behaviour corpus and the dialog goldens,
// in the forms the patterns read: as written, Canon, Normalize and the hazard form.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	raw, err := corpustext.Messages("..")
	if err != nil {
		tb.Fatal(err)
	}
	if len(raw) < 1000 {
		tb.Fatalf("only %d corpus texts", len(raw))
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range raw {
		c := Canon(s)
		for _, f := range []string{s, c, Normalize(c), hazardFormOf(c)} {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// TestPrefiltersNeverReject: over the corpus, no prefilter rejects a text its expression
// matches (the hazard cues, Wet, Unwell and every other pattern this package builds).
func TestPrefiltersNeverReject(t *testing.T) {
	texts := corpusTexts(t)
	for _, s := range texts {
		if bad := CheckPrefilters(s); len(bad) > 0 {
			t.Fatalf("%q: prefilter rejects a match of %q", s, bad[0])
		}
	}
	all, cond := PrefilterStats()
	t.Logf("%d texts, %d expressions, %d with a condition", len(texts), all, cond)
}

// TestMatcherRegexPrefilters: the shipped trigger regexes' prefilters never reject a
// normalised text they match.
func TestMatcherRegexPrefilters(t *testing.T) {
	s := shippedOrNil(t)
	if s == nil {
		t.Skip("no shipped knowledge")
	}
	m, err := NewMatcher(s)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i, x := range corpusTexts(t) {
		if i%4 != 0 {
			continue // a quarter of the forms: the regexes are many
		}
		n := Normalize(Canon(x))
		nt, _ := dropFillers(n, true)
		texts = append(texts, n, nt)
	}
	for _, r := range s.Rules {
		for _, x := range r.Samples {
			n := Normalize(Canon(x))
			nt, _ := dropFillers(n, true)
			texts = append(texts, n, nt)
		}
	}
	matched := 0
	for _, rx := range m.regexes {
		for _, s := range texts {
			if have := runesIn(s); rx.pf.passIn(s, &have) != rx.pf.passTree(s) {
				t.Fatalf("%q: the runes' flat condition of %q and its tree disagree", s, rx.re)
			}
			if rx.re.MatchString(s) {
				matched++
				if !rx.pf.pass(s) {
					t.Fatalf("%q: prefilter rejects a match of %q", s, rx.re)
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no regex matched any text: the test checks nothing")
	}
}

func TestPrefilterConditions(t *testing.T) {
	for _, c := range []struct{ pattern, pass, fail string }{
		{`(碰|摸|挨|触)[^,?]{0,4}(有点|有些|会)电`, "摸着有点电", "会不会坏"},
		{`漏电|触电`, "有点触电", "漏水"},
		{`(?i)e1[0-9]`, "显示e12", "显示e"},
		{`(?i)abc漏`, "ABC漏", "abc"},
		{`x*`, "", ""},
		{`^(走|撤|溜)了(哈|啊)?$`, "走了", "走"},
		{`[ab]c|d`, "bc", "c"},
	} {
		pf := newPrefilter(c.pattern)
		if !pf.pass(c.pass) {
			t.Errorf("%q: rejects %q", c.pattern, c.pass)
		}
		if c.fail != "" && pf.pass(c.fail) {
			t.Errorf("%q: lets %q through", c.pattern, c.fail)
		}
	}
}

// TestPrefilterRandom: random texts over the patterns' own characters, matched or not,
// never rejected when the expression matches.
func TestPrefilterRandom(t *testing.T) {
	patterns := []string{wetNow, unwell, liveParts + `[^?]{0,12}` + waterWords, `(?i)(空调|kt).{0,4}(不|没)制?冷`,
		`(^|[^打点能])(着火)`, `(结|挂)了?一?层?(霜|冰)`, `a+b{2,}[cd]?e`, `(?i)Ab|c[D-F]`}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		pf := newPrefilter(p)
		alphabet := []rune(",?xAaBbcDdEe")
		for _, r := range p {
			if r > 0x7f || r >= 'a' && r <= 'z' {
				alphabet = append(alphabet, r)
			}
		}
		matched := 0
		for range 20000 {
			n := 1 + rng.IntN(8)
			b := make([]rune, n)
			for i := range b {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
			s := string(b)
			if pf.pass(s) != pf.passTree(s) {
				t.Fatalf("%q: the runes' flat condition and the tree disagree on %q", p, s)
			}
			if re.MatchString(s) {
				matched++
				if !pf.pass(s) {
					t.Fatalf("%q: prefilter rejects %q", p, s)
				}
			}
		}
		t.Logf("%.30q: %d matches", p, matched)
	}
}
