package textmodel

import (
	"strings"
	"unicode/utf8"
)

// PredictText is Predict(Features(state, asking, text, ruleAct)) without building the
// features: the n-grams are looked up by their runes in the model's gramIndex, summed in
// the order Features lists them, so the scores, and the answer, are the same to the bit.
// A turn reads a message with both models; the features were most of its allocations,
// and the string look-ups most of its time.
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
	add := func(lp []float32) {
		for c := range score {
			score[c] += float64(lp[c])
		}
	}
	var keyBuf [64]byte
	key := keyBuf[:0]
	key = append(append(key, "S:"...), state...)
	m.addFeature(key, add)
	key = append(append(key[:0], "A:"...), asking...)
	m.addFeature(key, add)
	key = append(append(key[:0], "R:"...), ruleAct...)
	m.addFeature(key, add)
	key = append(append(key, '|'), state...)
	m.addFeature(key, add)

	t := strings.ToLower(strings.ReplaceAll(text, " ", ""))
	var runeBuf [256]rune
	r := runeBuf[:0]
	if n := utf8.RuneCountInString(t); n > len(runeBuf) {
		r = make([]rune, 0, n)
	}
	for _, c := range t { // as Features reads it: invalid bytes are U+FFFD
		r = append(r, c)
	}
	s := m.grams.state(state)
	for n := 1; n <= 3; n++ {
		for i := 0; i+n <= len(r); i++ {
			g := [3]rune{r[i], noRune, noRune}
			copy(g[1:n], r[i+1:i+n])
			bare, paired := m.grams.rows(packRunes(g[0], g[1], g[2]), s)
			if bare >= 0 {
				add(m.row(bare))
			}
			if paired >= 0 {
				add(m.row(paired))
			}
		}
	}
	if len(r) <= 4 {
		m.addFeature([]byte("SHORT"), add)
	}
	return m.decide(score)
}

// addFeature adds the feature's log probabilities if the model has the feature; the
// look-up makes no string of it.
func (m *Model) addFeature(f []byte, add func([]float32)) {
	if lp, ok := m.logP[string(f)]; ok {
		add(lp)
	}
}
