package knowledge

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Unmatched is a customer's fault description the bot found no confident rule for, or
// one the customer corrected after a rule was matched: kept, with personal data redacted,
// for editors to turn into samples (see the "未匹配的消息" page). It never carries the
// customer's OpenID.
type Unmatched struct {
	ID int64
	// Text is the redacted description (Redact), Key its normal form, which dedupes.
	Text, Key string
	// Kind is UnmatchedNoRule or UnmatchedCorrected.
	Kind string
	// Category is the product category when known.
	Category string
	// RuleID and Score are the best rule found and its confidence (0–1), "" when none.
	RuleID string
	Score  float64
	// Week is the ISO week the message first came in ("2026-W49"); Count how many times
	// the same text came in that week.
	Week  string
	Count int
	// Status is "" while open, UnmatchedAdded once an editor made it a sample of Label
	// (a rule id), UnmatchedDismissed when set aside.
	Status, Label string
	FirstAt       time.Time
	LastAt        time.Time
}

// Kinds and statuses of Unmatched messages.
const (
	UnmatchedNoRule    = "unmatched"
	UnmatchedCorrected = "corrected"
	UnmatchedAdded     = "added"
	UnmatchedDismissed = "dismissed"
)

// UnmatchedPerWeek caps the distinct messages kept per ISO week; repeats of a kept text
// only raise its count.
const UnmatchedPerWeek = 500

// WeekCount is how many unmatched and corrected messages came in one ISO week (repeats
// counted).
type WeekCount struct {
	Week                 string
	Unmatched, Corrected int
}

// ISOWeek names the ISO week of t: "2026-W49".
func ISOWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// redactions replace personal data in customers' text, most specific first. Names are
// taken after 我叫/姓/名字是; addresses from a province, city or district word, or a
// road/street number onwards.
var redactions = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`), "[邮箱]"},
	{regexp.MustCompile(`(订单号?|单号|工单号?|快递单号?)(是|为|[:：])?\s*[A-Za-z0-9-]{6,}`), "$1[单号]"},
	{regexp.MustCompile(`(?i)(序列号|串号|SN码?|S/N|条码|机身码)(是|为|[:：])?\s*[A-Za-z0-9-]{4,}`), "$1[序列号]"},
	{regexp.MustCompile(`\d{17}[\dXx]|\d{15}`), "[证件号]"},
	{regexp.MustCompile(`(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}`), "[电话]"},
	{regexp.MustCompile(`0\d{2,3}-?\d{7,8}`), "[电话]"},
	{regexp.MustCompile(`(我叫|我姓|姓|名字是|名字叫|联系人)[\p{Han}·]{1,3}`), "$1[姓名]"},
	{regexp.MustCompile(`[\p{Han}]{2,8}(省|自治区)?[\p{Han}]{0,6}(市|区|县|镇|乡)[\p{Han}\d\-号路街道巷弄村组栋幢单元室楼层]*(路|街|道|巷|弄|村|小区|号|栋|幢|单元|室)[\p{Han}\d\-号栋幢单元室楼层]*`), "[地址]"},
	{regexp.MustCompile(`[\p{Han}\d]{1,10}(路|街|巷|弄)\d+号[\p{Han}\d\-号栋幢单元室楼层]*`), "[地址]"},
	{regexp.MustCompile(`\d+(栋|幢|号楼)\d*(单元)?\d*(室|号)?`), "[地址]"},
	{regexp.MustCompile(`[A-Za-z0-9]*\d[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]{6,}|\d{9,}`), "[编号]"},
}

// Redact replaces personal data in a customer's text with placeholders before it is
// stored: e-mail addresses, ID card numbers, phone numbers, order and serial numbers,
// names told after 我叫/姓, addresses, and any other long number. Model numbers and
// error codes (E1, KFR-35GW) stay: they help match.
func Redact(s string) string {
	for _, r := range redactions {
		s = r.re.ReplaceAllString(s, r.with)
	}
	return s
}

// Similarity is the cosine (0–1) of two texts' similarity features (the n-grams and
// tokens of the matcher's similarity index, similar_features.go), each feature weighted
// by its kind, not by a corpus: for grouping short messages with each other.
func Similarity(a, b string) float64 {
	return cosine(simVector(Normalize(a)), simVector(Normalize(b)))
}

func simVector(t string) map[uint64]float64 {
	keys, counts := counted(simFeatures(t, nil), nil)
	v := make(map[uint64]float64, len(keys))
	for i, k := range keys {
		v[k] = tfWeight(counts[i], float32(kindWeight(k)))
	}
	return v
}

// GroupSimilar groups texts whose similarity to a group's first text reaches min, in
// order of first appearance; it returns the indexes of each group.
func GroupSimilar(texts []string, min float64) [][]int {
	vecs := make([]map[uint64]float64, len(texts))
	for i, t := range texts {
		vecs[i] = simVector(Normalize(t))
	}
	var groups [][]int
	for i := range texts {
		best, at := min, -1
		for g, idx := range groups {
			if s := cosine(vecs[idx[0]], vecs[i]); s >= best {
				best, at = s, g
			}
		}
		if at < 0 {
			groups = append(groups, []int{i})
			continue
		}
		groups[at] = append(groups[at], i)
	}
	return groups
}

func cosine(a, b map[uint64]float64) float64 {
	var dot, na, nb float64
	for k, w := range a {
		na += w * w
		dot += w * b[k]
	}
	for _, w := range b {
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// AddSample returns the rule with text added to its samples (unchanged when it is one).
func AddSample(r Rule, text string) Rule {
	text = strings.TrimSpace(text)
	if slices.Contains(r.Samples, text) {
		return r
	}
	r.Samples = append(slices.Clone(r.Samples), text)
	return r
}
