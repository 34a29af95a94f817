package bot

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/knowledge"
)

// bigKB is the shipped knowledge grown to n rules: every shipped rule copied with its
// phrases and samples made distinct by a suffix, so the matcher and the similarity index
// carry n rules' worth of triggers and samples, as a large brand's editors might write.
func bigKB(tb testing.TB, n int) *KnowledgeBase {
	tb.Helper()
	set, err := knowledge.Shipped()
	if err != nil {
		tb.Fatal(err)
	}
	files := set.Files()
	base := len(set.Rules)
	var extra []knowledge.Rule
	for i := 0; base+len(extra) < n; i++ {
		r := set.Rules[i%base]
		if r.Safety {
			continue
		}
		c := r
		tag := fmt.Sprintf("型%d", i)
		c.ID = fmt.Sprintf("%s-x%d", r.ID, i)
		c.Triggers.Keywords = suffixed(r.Triggers.Keywords, tag)
		c.Triggers.Synonyms = suffixed(r.Triggers.Synonyms, tag)
		c.Triggers.Regex, c.Triggers.ErrorCodes, c.Condition = nil, nil, ""
		c.Samples = suffixed(r.Samples, tag)
		extra = append(extra, c)
	}
	b, err := yaml.Marshal(map[string]any{"rules": extra})
	if err != nil {
		tb.Fatal(err)
	}
	files["rules/zz_bench.yaml"] = b
	big, err := knowledge.Parse(files)
	if err != nil {
		tb.Fatal(err)
	}
	kb, err := NewKnowledgeBase(big)
	if err != nil {
		tb.Fatal(err)
	}
	return kb
}

func suffixed(list []string, tag string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s + tag
	}
	return out
}

// understandBenchMessages are first messages and mid-conversation replies of every kind.
var understandBenchMessages = []string{
	"美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1",
	"冰箱冷藏室不凉了，里面的菜都坏了",
	"洗衣机甩干的时候晃得厉害，跟要跳起来一样",
	"热水器洗着洗着就变凉水了",
	"这个修一下大概多少钱？",
	"插排烧黑了还有火苗",
	"华为手机充不进电，充电器换了也不行",
	"你们是真人吗",
}

// BenchmarkUnderstandAndStep is one customer message read and answered: understanding
// (canon, hazards, facts, acts) and the dialog's Step, with 10,000 rules (issue 8's
// budget: 100 µs median, 300 µs p99).
func BenchmarkUnderstandAndStep(b *testing.B) {
	kb := bigKB(b, 10_000)
	d := NewDialog(kb)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, msg := range understandBenchMessages { // the models decode on first use
		d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: msg, At: now})
	}
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		msg := understandBenchMessages[i%len(understandBenchMessages)]
		start := time.Now()
		d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: msg, At: now})
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkUnderstand is the understanding step alone (canon, hazards, facts, acts and
// both models) on the shipped knowledge, the part of a turn that grows with the patterns.
func BenchmarkUnderstand(b *testing.B) {
	kb := shippedKB(b)
	ctx := Context{Now: time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)), Lexicon: kb.Lexicon()}
	for _, msg := range understandBenchMessages { // the models decode on first use
		RuleReader{}.Understand(msg, ctx)
	}
	b.ResetTimer()
	for i := range b.N {
		RuleReader{}.Understand(understandBenchMessages[i%len(understandBenchMessages)], ctx)
	}
}
