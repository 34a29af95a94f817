package knowledge

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// The similarity index finds rules by how much a message resembles what their customers
// say, without any trigger phrase: the rule's samples, title, keywords and synonyms are its
// documents, each a TF-IDF vector of character pairs; a message is compared with every
// document by cosine similarity through an inverted index (a posting list per feature).
//
// Features of a text in matching form (Canon, Normalize, fillers dropped):
//
//   - every pair of neighbouring characters in a run of letters (Han mostly), but those
//     ending in a negation ("调不" of "空调不制冷"); runs end at punctuation and at Latin or
//     digit tokens. Single characters and triples were tried on the development corpus:
//     they change nothing measurable and cost most of the time;
//   - every token of Latin letters and digits whole ("e1", "16"), so "E1" shares nothing
//     with "E10";
//   - a pair whose first character is denied by a negation (see denier) is a different
//     feature from the same pair asserted: "不进水" gives 不进 and denied 进水, neither of
//     which "手机进水了" has. A negation that is itself denied ("不是不制冷") asserts again.
//
// Weights: tf·idf·kind, with tf = 1 + ln(count) and idf = 1 + ln((N+1)/(df+1)) over the N
// documents; a feature no document has gets the idf of df = 0, so words no rule knows lower
// the similarity. Features found in too many documents (simPruneShare, simMaxPostings) keep
// their idf but have no posting list: they tell little and would cost most.
//
// A document counts only when it shares at least simMinShared features with the message
// and its cosine reaches simMinCosine; a rule's similarity is its best document's cosine,
// plus simSecondFactor of its second best (two samples alike say more than one). Safety
// rules are not indexed: a hazard is recognised by the hazard detector and the safety
// rules' triggers, never by resemblance.

// Similarity weights, tuned on the development split of corpus/first_messages.jsonl and on
// the held-out self-test (see SelfTest).
const (
	simWeightPair  = 1.0
	simWeightToken = 2.0 // a Latin or digit token is a code or a model: the most specific words
	// simMinShared is how many features a document must share with the message: one word in
	// common ("冰箱") is no resemblance.
	simMinShared = 2
	// simMinCosine is the least cosine that counts as resembling. It is low: long, chatty
	// messages resemble their sample only in part, and the trigger score and the category
	// factors still rank what it lets through.
	simMinCosine = 0.1
	// simSecondFactor is how much a rule's second most similar document adds.
	simSecondFactor = 0.25
	// simPruneShare and simMaxPostings: a feature in more than this share of the documents,
	// or in more than this many, has no posting list.
	simPruneShare  = 0.05
	simMaxPostings = 1000
	// simMaxRules is how many of the most similar rules a message keeps: enough for any
	// ranking a person reads, few enough that scoring them costs little.
	simMaxRules = 24
)

// simIndex is the inverted index of the rules' documents. It is read-only once built; the
// per-query scratch comes from a pool.
type simIndex struct {
	feats     map[uint64]featInfo // every feature of every document
	post      []posting           // the posting lists, one after another
	docRule   []int32             // by document id
	docReason []string            // `similar "…"`, the document as authored
	unseenIDF float32             // the idf of a feature no document has
	scratch   sync.Pool           // *simScratch
}

// featInfo is what the index knows of a feature: its weight (idf × kind weight) and its
// posting list, post[start:end], empty when pruned.
type featInfo struct {
	weight     float32
	start, end int32
}

// posting is a document holding a feature, with the feature's weight over the document's
// norm.
type posting struct {
	doc int32
	w   float32
}

// ruleSim is a rule similar to a message.
type ruleSim struct {
	rule  int32
	doc   int32   // its most similar document
	best  float64 // that document's cosine
	score float64 // best, plus simSecondFactor of the second best document's
}

// simScratch is one query's working memory, kept in a pool so that matching allocates
// nothing here.
type simScratch struct {
	keys   []uint64
	counts []uint8
	found  []queryFeature // the message's features with a posting list
	docs   docTable       // the documents they reach
	near   []docSim       // the documents similar enough
	rules  []ruleSim      // the rules they belong to, before the most similar are kept
}

// queryFeature is a feature of the message with a posting list, post[start:end], and its weight in
// the message.
type queryFeature struct {
	start, end int32
	qw         float32
}

// docSim is a document similar enough to the message.
type docSim struct {
	doc int32
	cos float64
}

// search appends to out the rules whose documents resemble t (in matching form), in rule
// order. A message reaches a few hundred documents, accumulated in a small hash table;
// documents are numbered rule by rule, so sorting the similar ones by number groups them
// by rule, in order.
func (x *simIndex) search(t string, out []ruleSim) []ruleSim {
	if x == nil || len(x.docRule) == 0 {
		return out
	}
	s := x.scratch.Get().(*simScratch)
	defer x.scratch.Put(s)
	qnorm := x.lookup(s, t)
	for _, f := range s.found {
		for _, p := range x.post[f.start:f.end] {
			s.docs.add(p.doc, f.qw*p.w)
		}
	}
	s.near = s.near[:0]
	for _, i := range s.docs.used {
		d := &s.docs.slots[i]
		if cos := float64(d.dot) / qnorm; d.shared >= simMinShared && cos >= simMinCosine {
			s.near = append(s.near, docSim{doc: d.doc - 1, cos: cos})
		}
	}
	s.docs.reset()
	slices.SortFunc(s.near, func(a, b docSim) int { return cmp.Compare(a.doc, b.doc) })
	rules := s.rules[:0] // hundreds with 10,000 rules: gathered in the scratch, not in out
	cur := ruleAcc{rule: -1}
	for _, d := range s.near {
		if rule := x.docRule[d.doc]; rule != cur.rule {
			rules = cur.flush(rules)
			cur = ruleAcc{rule: rule}
		}
		cur.add(d.doc, d.cos)
	}
	rules = cur.flush(rules)
	s.rules = rules
	return append(out, mostSimilar(rules, simMaxRules)...)
}

// mostSimilar keeps the n rules of sims (in rule order) with the highest scores, in rule
// order.
//
// A message with 10,000 rules reaches hundreds: rather than sorting them all, sims[:n] is
// kept as a heap whose root is the weakest rule kept, which each later rule either
// replaces or leaves. Rules are distinct, so the order is total and the n kept are the
// same as a full sort's.
func mostSimilar(sims []ruleSim, n int) []ruleSim {
	if len(sims) <= n {
		return sims
	}
	if n <= 0 {
		return sims[:0]
	}
	kept := sims[:n]
	for i := n/2 - 1; i >= 0; i-- {
		siftWeakest(kept, i)
	}
	for _, s := range sims[n:] {
		if strongerSim(s, kept[0]) {
			kept[0] = s
			siftWeakest(kept, 0)
		}
	}
	slices.SortFunc(kept, func(a, b ruleSim) int { return cmp.Compare(a.rule, b.rule) })
	return kept
}

// strongerSim orders rules by score, the lower rule first of equal scores.
func strongerSim(a, b ruleSim) bool {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.rule, b.rule)) < 0
}

// siftWeakest moves h[i] down the heap h, in which every parent is weaker than its
// children.
func siftWeakest(h []ruleSim, i int) {
	for {
		w := i
		if l := 2*i + 1; l < len(h) && strongerSim(h[w], h[l]) {
			w = l
		}
		if r := 2*i + 2; r < len(h) && strongerSim(h[w], h[r]) {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// lookup reads the message's features into s and returns the norm of its vector, in which
// features no document has count with the idf of df = 0.
func (x *simIndex) lookup(s *simScratch, t string) float64 {
	s.keys, s.counts = counted(simFeatures(t, s.keys[:0]), s.counts)
	s.found = s.found[:0]
	norm := 0.0
	for i, k := range s.keys {
		w := x.unseenIDF * float32(kindWeight(k))
		if f, ok := x.feats[k]; ok {
			w = f.weight
			if f.end > f.start {
				s.found = append(s.found, queryFeature{start: f.start, end: f.end, qw: float32(tfWeight(s.counts[i], w))})
			}
		}
		tw := tfWeight(s.counts[i], w)
		norm += tw * tw
	}
	return math.Sqrt(norm)
}

// ruleAcc keeps the best two documents of the rule being read.
type ruleAcc struct {
	rule         int32
	doc          int32
	best, second float64
}

// add records a document's cosine; documents come in order, so of equal cosines the first
// (lowest id) stays best.
func (r *ruleAcc) add(doc int32, cos float64) {
	switch {
	case cos > r.best:
		r.second = r.best
		r.best, r.doc = cos, doc
	case cos > r.second:
		r.second = cos
	}
}

// flush appends the rule's similarity to out, if it has one.
func (r *ruleAcc) flush(out []ruleSim) []ruleSim {
	if r.rule < 0 || r.best == 0 {
		return out
	}
	return append(out, ruleSim{rule: r.rule, doc: r.doc, best: r.best, score: r.best + simSecondFactor*r.second})
}
