package knowledge

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// Cost bounds of what editors write (issue 14). Rules run on every customer message, so a
// rule whose regex or condition is slow stalls every turn it is tried on. Bounds hold at
// three points:
//
//   - when a rule is validated, its regexes (triggers, and model and serial patterns) must
//     compile to at most MaxRegexInsts instructions, and its condition may neither nest
//     loops, nor use ranges other than two whole numbers at most MaxConditionRange apart,
//     nor match against a pattern that is not a constant, nor use reduce or repeat (see
//     checkConditionCost);
//   - while matching, a regex sees at most the first MaxMatchText bytes of the normalised
//     message, a condition's text variables at most MaxConditionText bytes each, and a
//     condition runs with conditionMemory as the expression VM's memory budget;
//   - at publish (CheckPublishable), the regexes and condition of every rule that might be
//     slow (worthMeasuring) run over a small benchmark of messages (benchMessages, three
//     of them 30 KB) and a rule costing more than RuleBudget per message on average is
//     refused ("slow_rule").
const (
	// MaxRegexInsts caps the compiled program of an editor's regex: case-insensitive as it
	// runs, counted with regexp/syntax. The shipped regexes need at most about 200; a
	// counted repetition such as (.{0,30}){0,30} needs about 1,900 and scanning it over a
	// long message takes tens of milliseconds.
	MaxRegexInsts = 1000
	// MaxMatchText is how many bytes of the normalised message (cut at a character) the
	// rules' regexes see: about 1,300 Chinese characters, far more than a customer's
	// message of one fault. Phrases, codes and similarity still see the whole message.
	MaxMatchText = 4096
	// MaxConditionText caps each text variable of a condition (brand, model…), in bytes.
	MaxConditionText = 256
	// MaxConditionRange is the widest range a condition may write (0..1000).
	MaxConditionRange = 1000
	// RuleBudget is what one rule may cost per benchmark message on average at publish:
	// generous, so that a loaded machine never refuses an ordinary rule (the shipped ones
	// cost well under a tenth of it); pathological rules cost ten to a thousand times more.
	RuleBudget = 50 * time.Millisecond
	// conditionMemory is the expression VM's memory budget for one evaluation (expr's
	// default is 1,000,000): ranges, arrays and maps of a bounded condition stay far
	// below it.
	conditionMemory = 100_000
)

// clipText returns at most the first max bytes of s, cut before a character.
func clipText(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// regexInsts returns the size of src's compiled program, case-insensitive as trigger
// regexes run, or -1 when it does not parse.
func regexInsts(src string) int {
	re, err := syntax.Parse("(?i)"+src, syntax.Perl)
	if err != nil {
		return -1
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return -1
	}
	return len(prog.Inst)
}

// checkRegexCost refuses a regex whose program exceeds MaxRegexInsts.
func checkRegexCost(ps *problems, at field, src string) bool {
	if n := regexInsts(src); n > MaxRegexInsts {
		ps.add(at, "costly_regex", "value", strconv.Quote(src), "size", n, "max", MaxRegexInsts)
		return false
	}
	return true
}

// checkConditionCost refuses, in a condition that compiles, what can make one evaluation
// slow whatever the case: a loop (a predicate of all, map, filter…) inside another loop, a
// range whose bounds are not two whole numbers at most MaxConditionRange apart, and
// matches against a pattern that is not a constant string (compiled on every evaluation)
// or whose program is too large, and reduce, which can build strings of any length
// (reduce(1..50, #acc + #acc, "a")). repeat is not available at all (compileCondition).
func checkConditionCost(ps *problems, at field, src string) {
	tree, err := parser.Parse(src)
	if err != nil {
		return // compileCondition reported it
	}
	v := &costVisitor{}
	ast.Walk(&tree.Node, v)
	for _, p := range v.found {
		switch p.code {
		case "costly_regex":
			checkRegexCost(ps, at, p.value)
		case "condition_range":
			ps.add(at, p.code, "value", p.value, "max", MaxConditionRange)
		default:
			ps.add(at, p.code, "value", p.value)
		}
	}
}

type costFinding struct{ code, value string }

// costVisitor collects the costly constructs of a condition's syntax tree.
type costVisitor struct{ found []costFinding }

func (v *costVisitor) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.BinaryNode:
		switch n.Operator {
		case "..":
			lo, okLo := intConstant(n.Left)
			hi, okHi := intConstant(n.Right)
			if !okLo || !okHi || hi-lo > MaxConditionRange {
				v.found = append(v.found, costFinding{"condition_range", n.String()})
			}
		case "matches":
			if s, ok := n.Right.(*ast.StringNode); ok {
				if regexInsts(s.Value) > MaxRegexInsts {
					v.found = append(v.found, costFinding{"costly_regex", s.Value})
				}
			} else {
				v.found = append(v.found, costFinding{"condition_matches", n.String()})
			}
		}
	case *ast.BuiltinNode:
		if n.Name == "reduce" { // carries a value from turn to turn: reduce(1..50, #acc + #acc, "a")
			v.found = append(v.found, costFinding{"condition_builtin", n.Name})
		}
		// A predicate whose body holds another predicate loops inside a loop.
		for _, arg := range n.Arguments {
			p, ok := arg.(*ast.PredicateNode)
			if !ok {
				continue
			}
			inner := &predicateFinder{}
			ast.Walk(&p.Node, inner)
			if inner.found {
				v.found = append(v.found, costFinding{"condition_nested", n.String()})
			}
		}
	}
}

// predicateFinder reports whether a tree holds a predicate (a loop body).
type predicateFinder struct{ found bool }

func (f *predicateFinder) Visit(node *ast.Node) {
	if _, ok := (*node).(*ast.PredicateNode); ok {
		f.found = true
	}
}

// intConstant returns the value of a whole number written as such, possibly negative.
func intConstant(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.UnaryNode:
		if v, ok := intConstant(n.Node); ok && n.Operator == "-" {
			return -v, true
		}
	}
	return 0, false
}

// benchMessages are the messages every rule runs over at publish: ordinary first messages
// and long ones, the longest 30 KB, of Chinese with the words rules look for, of letters and
// digits like model numbers, and of one repeated character.
var benchMessages = sync.OnceValue(func() []string {
	long := strings.Repeat("冰箱不制冷了，冷藏室漏水结冰，空调外机噪音很大还显示E1，洗衣机不脱水、热水器不加热，型号KFR-35GW/BP3DN8Y-PH400(B3)，", 30*1024/150+1)
	return []string{
		"空调不制冷，开了半天还是热风",
		"冰箱冷藏室漏水，底下一滩水",
		"洗衣机显示E4，不排水",
		"我家热水器型号JSQ25-13HN1，打不着火",
		"手机摔了一下屏幕碎了，触摸没反应",
		clipText(long, 30*1024),
		clipText(strings.Repeat("aB3-x9 ", 30*1024/7+1), 30*1024),
		strings.Repeat("a", 30*1024),
	}
})

// benchFacts are the cases every condition runs over at publish, the last with text
// variables as long as a condition may see.
var benchFacts = []CaseFacts{
	{AgeMonths: UnknownAge},
	{Category: "air_conditioner", Brand: "格力", Model: "KFR-35GW", AgeMonths: 6, ErrorCode: "E1"},
	{Category: "refrigerator", Brand: "海尔", Model: "BCD-470WDPG", AgeMonths: 40},
	{Category: "washing_machine", Brand: strings.Repeat("品牌", 100), Model: strings.Repeat("M1-", 100), AgeMonths: 1 << 20, ErrorCode: strings.Repeat("E", 100)},
}

// benchRuns is how often a rule over the budget is measured again before it is refused:
// the least of the measurements counts, so a pause of the machine refuses nothing.
const benchRuns = 3

// benchCorpus is the benchmark prepared for the rules: the messages normalised as when
// matching, each also without fillers when that differs, clipped to MaxMatchText, and the
// cases as condition variables.
type benchCorpus struct {
	texts    []string
	facts    []caseEnv
	messages int
}

var benchmark = sync.OnceValue(func() *benchCorpus {
	b := &benchCorpus{messages: len(benchMessages())}
	for _, m := range benchMessages() {
		n := Normalize(Canon(m))
		t, _ := dropFillers(n, false)
		b.texts = append(b.texts, clipText(n, MaxMatchText))
		if len(t) < len(n) {
			b.texts = append(b.texts, clipText(t, MaxMatchText))
		}
	}
	for _, f := range benchFacts {
		b.facts = append(b.facts, f.env())
	}
	return b
})

// measure times one pass of a rule's regexes and condition over the benchmark, per
// message. It stops early once the pass has cost twice the budget: the rule is over it
// whatever the rest costs, and the figure is then a lower bound.
func (b *benchCorpus) measure(res []*regexp.Regexp, cond *vm.Program) time.Duration {
	limit := 2 * RuleBudget * time.Duration(b.messages)
	start := time.Now()
	for _, re := range res {
		for _, t := range b.texts {
			findRegex(re, t)
			if time.Since(start) > limit {
				return time.Since(start) / time.Duration(b.messages)
			}
		}
	}
	if cond != nil {
		for range b.messages {
			for _, env := range b.facts {
				holds(cond, env)
			}
			if time.Since(start) > limit {
				break
			}
		}
	}
	return time.Since(start) / time.Duration(b.messages)
}

// ruleCost is what the rule costs per benchmark message: the least of up to benchRuns
// measurements, repeated only while over RuleBudget. ok is false when its regexes and
// condition are missing or do not compile (Validate reports those).
func ruleCost(r *Rule) (cost time.Duration, ok bool) {
	var cond *vm.Program
	if strings.TrimSpace(r.Condition) != "" {
		p, err := compileCondition(r.Condition)
		if err != nil {
			return 0, false
		}
		cond = p
	}
	var res []*regexp.Regexp
	for _, src := range r.Triggers.Regex {
		re, err := compileRegex(src)
		if err != nil {
			return 0, false
		}
		res = append(res, re)
	}
	if cond == nil && len(res) == 0 {
		return 0, false
	}
	b := benchmark()
	cost = b.measure(res, cond)
	for run := 1; run < benchRuns && cost > RuleBudget; run++ {
		cost = min(cost, b.measure(res, cond))
	}
	return cost, true
}

// measureAbove is the size of a rule's regexes, all together, above which its cost is
// measured at publish. Below it, the regexes cannot reach RuleBudget: the regexp engine
// spends a few nanoseconds per instruction and byte, so they cost at most about
// measureAbove instructions × 20 KB of benchmark text (some 10 to 20 ms per message on a
// slow machine). The shipped rules are all below it, so publishing a set of ordinary
// rules measures nothing and stays as fast as before.
const measureAbove = MaxRegexInsts

// worthMeasuring reports whether the rule could cost more than RuleBudget: its regexes
// are larger than measureAbove together, or its condition loops.
func worthMeasuring(r *Rule) bool {
	n := 0
	for _, src := range r.Triggers.Regex {
		n += regexInsts(src)
	}
	if n > measureAbove {
		return true
	}
	if strings.TrimSpace(r.Condition) == "" {
		return false
	}
	tree, err := parser.Parse(r.Condition)
	if err != nil {
		return false // Validate reports it
	}
	loops := &predicateFinder{}
	ast.Walk(&tree.Node, loops)
	return loops.found
}

// checkCost runs the rules of s that are worth measuring over the benchmark and returns a
// problem for each one costing more than RuleBudget per message. Rules are measured on as
// many goroutines as the process may run at once, each rule on one of them.
func checkCost(s *Set) problems {
	costs := make([]time.Duration, len(s.Rules))
	oks := make([]bool, len(s.Rules))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(s.Rules)) {
		wg.Go(func() {
			for i := range next {
				costs[i], oks[i] = ruleCost(&s.Rules[i])
			}
		})
	}
	for i := range s.Rules {
		if worthMeasuring(&s.Rules[i]) {
			next <- i
		}
	}
	close(next)
	wg.Wait()

	var ps problems
	for i := range s.Rules {
		r := &s.Rules[i]
		if cost, ok := costs[i], oks[i]; ok && cost > RuleBudget {
			ps.add(s.ruleField(i), "slow_rule", "id", strconv.Quote(r.ID),
				"cost", fmt.Sprintf("%.1f", float64(cost)/float64(time.Millisecond)),
				"budget", fmt.Sprintf("%.0f", float64(RuleBudget)/float64(time.Millisecond)))
		}
	}
	return ps
}

// CheckCost refuses a set with a rule that is too slow on the benchmark messages: a
// *ValidationError of "slow_rule" problems, or nil. CheckPublishable runs it after
// Validate.
func (s *Set) CheckCost() error { return checkCost(s).err() }
