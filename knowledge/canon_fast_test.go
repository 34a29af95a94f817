package knowledge

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestT2SConvert: the in-place walk gives OpenCC's own conversion, over the corpus and
// random mixes of traditional, simplified, Cantonese and other characters.
func TestT2SConvert(t *testing.T) {
	cc := t2s()
	check := func(s string) {
		t.Helper()
		want, err := cc.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := t2sConvert(cc, s)
		if err != nil || got != want {
			t.Fatalf("t2sConvert(%q) = %q, %v; OpenCC gives %q", s, got, err, want)
		}
	}
	for _, s := range corpusTexts(t) {
		check(s)
	}
	alphabet := []rune("熱水爐有陣煤氣味燶嗰餸喎乾隆皇帝頭髮發財後面後來著火著急冇咗嘢佢哋係唔空調冰箱開關插頭電線燒焦閃電一干二淨了瞭 ,。？!aZ9\x00\u200b🔥")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]rune, rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(b))
	}
	check("")
	check("\xff熱水")
}

// TestFixTypos: the skipping loop gives what applying every typo in turn gives.
func TestFixTypos(t *testing.T) {
	plain := func(s string) string {
		for _, t := range typos {
			if strings.Contains(s, t.from) {
				s = strings.ReplaceAll(s, t.from, t.to)
			}
		}
		return s
	}
	texts := corpusTexts(t)
	for _, ty := range typos { // every typo, alone and in company
		texts = append(texts, ty.from, "插排"+ty.from+"了", ty.from+ty.from)
	}
	for _, s := range texts {
		if got, want := fixTypos(s), plain(s); got != want {
			t.Fatalf("fixTypos(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCanonMemo(t *testing.T) {
	for _, s := range corpusTexts(t)[:2000] {
		for range 2 { // a miss, then a hit (or a collision's miss)
			if got, want := CanonMemo(s), Canon(s); got != want {
				t.Fatalf("CanonMemo(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
