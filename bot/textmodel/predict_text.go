package textmodel

import (
	"strings"
	"unicode/utf8"
)

// PredictText is Predict(Features(state, asking, text, ruleAct)) without building the
// features: the n-grams are looked up as slices of the text and the state's pairs in one
// reused buffer, summed in the order Features lists them, so the scores, and the answer,
// are the same to the bit. A turn reads a message with both models; the features were
// most of its allocations.
func (m *Model) PredictText(state, asking, text, ruleAct string) (act string, p float64) {
	if m == nil || len(m.Classes) == 0 {
		return "", 0
	}
	var scoreBuf [32]float64
	score := scoreBuf[:0]
	if len(m.Classes) > len(scoreBuf) {
		score = make([]float64, 0, len(m.Classes))
	}
	score = append(score, m.logPrior...)
	add := func(lp []float32, ok bool) {
		if ok {
			for c := range score {
				score[c] += float64(lp[c])
			}
		}
	}
	var keyBuf [64]byte
	key := keyBuf[:0]
	key = append(append(key, "S:"...), state...)
	add(m.lookup(key))
	key = append(append(key[:0], "A:"...), asking...)
	add(m.lookup(key))
	key = append(append(key[:0], "R:"...), ruleAct...)
	add(m.lookup(key))
	key = append(append(key, '|'), state...)
	add(m.lookup(key))

	t := strings.ToLower(strings.ReplaceAll(text, " ", ""))
	if !utf8.ValidString(t) {
		t = string([]rune(t)) // as Features reads it: invalid bytes become U+FFFD
	}
	var offBuf [257]int
	off := offBuf[:0]
	if utf8.RuneCountInString(t)+1 > len(offBuf) {
		off = make([]int, 0, utf8.RuneCountInString(t)+1)
	}
	for i := range t {
		off = append(off, i)
	}
	off = append(off, len(t))
	runes := len(off) - 1
	for n := 1; n <= 3; n++ {
		for i := 0; i+n <= runes; i++ {
			g := t[off[i]:off[i+n]]
			lp, ok := m.logP[g]
			add(lp, ok)
			key = append(append(append(key[:0], state...), '|'), g...)
			add(m.lookup(key))
		}
	}
	if runes <= 4 {
		lp, ok := m.logP["SHORT"]
		add(lp, ok)
	}
	return m.decide(score)
}

// lookup is the feature's log probabilities, without making a string of it.
func (m *Model) lookup(key []byte) ([]float32, bool) {
	lp, ok := m.logP[string(key)]
	return lp, ok
}
