package knowledge

import "math"

// simDocs lists the texts a rule is known by: title, keywords, synonyms, and the samples
// keep admits (all when keep is nil).
func simDocs(r *Rule, keep func(sample int) bool) []string {
	docs := []string{r.Title}
	docs = append(docs, r.Triggers.Keywords...)
	docs = append(docs, r.Triggers.Synonyms...)
	for j, s := range r.Samples {
		if keep == nil || keep(j) {
			docs = append(docs, s)
		}
	}
	return docs
}

// buildSimIndex indexes the documents of every rule but the safety ones; keep (nil: all)
// says which samples of a rule go in, by rule and sample index. Documents are numbered
// rule by rule (search relies on it).
func buildSimIndex(set *Set, keep func(rule, sample int) bool) *simIndex {
	x := &simIndex{}
	c := simCorpus{ids: make(map[uint64]int32), bounds: []int32{0}}
	var arena strArena
	for i := range set.Rules {
		r := &set.Rules[i]
		if r.Safety {
			continue
		}
		var keepSample func(int) bool
		if keep != nil {
			keepSample = func(j int) bool { return keep(i, j) }
		}
		seen := map[string]bool{}
		for _, text := range simDocs(r, keepSample) {
			form := matchForm(Canon(text))
			if form == "" || seen[form] {
				continue
			}
			seen[form] = true
			if c.add(form) {
				x.docRule = append(x.docRule, int32(i))
				x.docReason = append(x.docReason, arena.quoted("similar ", text))
			}
		}
	}
	x.unseenIDF = idf(len(x.docRule), 0)
	info := c.weigh()
	x.post = c.postings(info)
	x.feats = make(map[uint64]featInfo, len(info))
	for id, f := range info {
		x.feats[c.keys[id]] = f
	}
	x.scratch.New = func() any { return new(simScratch) }
	return x
}

// simCorpus holds the documents' features while the index is built.
type simCorpus struct {
	ids    map[uint64]int32 // feature → feature id
	keys   []uint64         // by feature id
	df     []int32          // documents holding each feature, by feature id
	feats  []int32          // every document's distinct feature ids, one document after another
	counts []uint8          // how often each occurs in its document
	bounds []int32          // document d's features are feats[bounds[d]:bounds[d+1]]
	buf    []uint64
	cbuf   []uint8
}

// add adds the features of a document (in matching form), numbering new features; false
// if it has none.
func (c *simCorpus) add(form string) bool {
	c.buf, c.cbuf = counted(simFeatures(form, c.buf[:0]), c.cbuf)
	if len(c.buf) == 0 {
		return false
	}
	for j, k := range c.buf {
		id, ok := c.ids[k]
		if !ok {
			id = int32(len(c.df))
			c.ids[k] = id
			c.df = append(c.df, 0)
			c.keys = append(c.keys, k)
		}
		c.df[id]++
		c.feats = append(c.feats, id)
		c.counts = append(c.counts, c.cbuf[j])
	}
	c.bounds = append(c.bounds, int32(len(c.feats)))
	return true
}

// weigh returns every feature's weight (idf × kind weight) and the place of its posting
// list, by feature id; a feature in too many documents gets an empty list.
func (c *simCorpus) weigh() []featInfo {
	docs := len(c.bounds) - 1
	limit := int32(min(int(simPruneShare*float64(docs)), simMaxPostings))
	limit = max(limit, 8) // a small set prunes nothing that matters
	info := make([]featInfo, len(c.df))
	next := int32(0)
	for id, n := range c.df {
		info[id].weight = idf(docs, int(n)) * float32(kindWeight(c.keys[id]))
		info[id].start = next
		if n <= limit {
			next += n
		}
		info[id].end = next
	}
	return info
}

// postings fills the posting lists: each document's weight for the feature, over the
// document's norm, in document order.
func (c *simCorpus) postings(info []featInfo) []posting {
	if len(info) == 0 {
		return nil
	}
	post := make([]posting, info[len(info)-1].end)
	fill := make([]int32, len(info))
	for id, f := range info {
		fill[id] = f.start
	}
	for d := range len(c.bounds) - 1 {
		feats, counts := c.feats[c.bounds[d]:c.bounds[d+1]], c.counts[c.bounds[d]:c.bounds[d+1]]
		norm := 0.0
		for j, id := range feats {
			w := tfWeight(counts[j], info[id].weight)
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for j, id := range feats {
			if fill[id] < info[id].end {
				post[fill[id]] = posting{doc: int32(d), w: float32(tfWeight(counts[j], info[id].weight) / norm)}
				fill[id]++
			}
		}
	}
	return post
}
