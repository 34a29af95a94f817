// Package textmodel is the learned half of understanding a customer's message: naive
// Bayes classifiers over the characters of the message. Word lists carry badly to words
// nobody wrote down ("找个懂行的", "啥辰光来", "插座那边一股胶皮味"); character n-grams learned
// from many customers' voices carry further.
//
// Two models ship in the binary, trained offline from the dev split of the labelled
// corpus (corpus/, `intake kb train`): Acts reads the dialogue act from the message, the
// conversation's state, the detail asked and the act the patterns of package bot read;
// Hazards reads whether a message may speak of a hazard the patterns did not name. Both
// are immutable once loaded and safe for concurrent use.
package textmodel

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
)

// Alpha is the additive smoothing of feature counts.
const Alpha = 0.1

// Example is one labelled message for training.
type Example struct {
	// For the act model; the hazard model leaves them empty.
	State   string // the conversation's state when the message came ("self", "collect", …)
	Asking  string // the detail asked for, if any ("model", "purchase", …)
	Text    string // the message in its compact canonical form
	RuleAct string // the act the patterns read
	Act     string // the class a person labelled: an act, or a hazard family or "none"
}

// Features are the model's features of a message: its character 1- to 3-grams, each
// also paired with the state, the state and the detail asked, a short-message marker and
// the patterns' act.
func Features(state, asking, text, ruleAct string) []string {
	r := []rune(strings.ToLower(strings.ReplaceAll(text, " ", "")))
	out := make([]string, 0, 6*len(r)+5)
	out = append(out, "S:"+state, "A:"+asking, "R:"+ruleAct, "R:"+ruleAct+"|"+state)
	for n := 1; n <= 3; n++ {
		for i := 0; i+n <= len(r); i++ {
			g := string(r[i : i+n])
			out = append(out, g, state+"|"+g)
		}
	}
	if len(r) <= 4 {
		out = append(out, "SHORT")
	}
	return out
}

// Model is a trained multinomial naive Bayes classifier.
type Model struct {
	Classes []string             `json:"classes"`
	Prior   []float64            `json:"prior"` // examples per class
	Total   []float64            `json:"total"` // feature occurrences per class
	Counts  map[string][]float64 `json:"counts"`

	logPrior []float64            // log P(act)
	logP     map[string][]float32 // log P(feature | act), smoothed: rows of rows
	rows     []float32            // every feature's log probabilities, one row after another
	grams    gramIndex            // the rows of the n-gram features, found by integers
}

// prepare computes the log probabilities Predict sums, once.
func (m *Model) prepare() *Model {
	var n float64
	for _, x := range m.Prior {
		n += x
	}
	m.logPrior = make([]float64, len(m.Classes))
	for c := range m.Classes {
		m.logPrior[c] = math.Log(m.Prior[c] / n)
	}
	vocab := float64(len(m.Counts))
	classes := len(m.Classes)
	order, grams := indexGrams(m.Counts)
	m.grams = grams
	m.rows = make([]float32, len(order)*classes)
	m.logP = make(map[string][]float32, len(order))
	for i, f := range order {
		lp := m.rows[i*classes : (i+1)*classes : (i+1)*classes]
		for c, n := range m.Counts[f] {
			lp[c] = float32(math.Log((n + Alpha) / (m.Total[c] + Alpha*vocab)))
		}
		m.logP[f] = lp
	}
	return m
}

// row is the log probabilities of the feature in row i.
func (m *Model) row(i int32) []float32 {
	n := int32(len(m.Classes))
	return m.rows[i*n : (i+1)*n]
}

// Train counts the examples' features per act.
func Train(examples []Example) *Model {
	index := map[string]int{}
	m := &Model{Counts: map[string][]float64{}}
	for _, e := range examples {
		if _, ok := index[e.Act]; !ok {
			index[e.Act] = len(m.Classes)
			m.Classes = append(m.Classes, e.Act)
		}
	}
	sort.Strings(m.Classes)
	for i, c := range m.Classes {
		index[c] = i
	}
	m.Prior = make([]float64, len(m.Classes))
	m.Total = make([]float64, len(m.Classes))
	for _, e := range examples {
		c := index[e.Act]
		m.Prior[c]++
		for _, f := range Features(e.State, e.Asking, e.Text, e.RuleAct) {
			row := m.Counts[f]
			if row == nil {
				row = make([]float64, len(m.Classes))
				m.Counts[f] = row
			}
			row[c]++
			m.Total[c]++
		}
	}
	return m.prepare()
}

// Predict returns the most likely act of the features and its probability under the
// model. Features the model never saw are ignored.
func (m *Model) Predict(features []string) (act string, p float64) {
	if m == nil || len(m.Classes) == 0 {
		return "", 0
	}
	score := make([]float64, len(m.Classes))
	copy(score, m.logPrior)
	for _, f := range features {
		lp, ok := m.logP[f]
		if !ok {
			continue
		}
		for c := range score {
			score[c] += float64(lp[c])
		}
	}
	return m.decide(score)
}

// decide is the most likely class of the summed log scores and its probability.
func (m *Model) decide(score []float64) (act string, p float64) {
	best := 0
	for c := range score {
		if score[c] > score[best] {
			best = c
		}
	}
	var z float64
	for c := range score {
		z += math.Exp(score[c] - score[best])
	}
	return m.Classes[best], 1 / z
}

// Encode writes the model as gzip-compressed JSON; the same model always gives the same
// bytes.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(zw).Encode(m); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("textmodel: %w", err)
	}
	var m Model
	if err := json.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("textmodel: %w", err)
	}
	if len(m.Prior) != len(m.Classes) || len(m.Total) != len(m.Classes) {
		return nil, fmt.Errorf("textmodel: %d classes with %d priors and %d totals", len(m.Classes), len(m.Prior), len(m.Total))
	}
	for f, row := range m.Counts {
		if len(row) != len(m.Classes) {
			return nil, fmt.Errorf("textmodel: feature %q has %d counts for %d classes", f, len(row), len(m.Classes))
		}
	}
	return m.prepare(), nil
}

var (
	//go:embed acts.json.gz
	actsFile []byte
	//go:embed hazards.json.gz
	hazardsFile []byte
)

// Acts is the dialogue-act model built into the binary.
var Acts = sync.OnceValue(func() *Model { return mustDecode(actsFile) })

// Hazards is the hazard model built into the binary: its classes are the hazard families
// and "none".
var Hazards = sync.OnceValue(func() *Model { return mustDecode(hazardsFile) })

func mustDecode(b []byte) *Model {
	m, err := Decode(bytes.NewReader(b))
	if err != nil {
		panic(err) // the embedded files are checked by the tests
	}
	return m
}
