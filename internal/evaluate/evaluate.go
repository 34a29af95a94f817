// Package evaluate measures how well the bot understands customers, on labelled corpora
// written independently of the code (corpus/*.jsonl): first messages (product, fault rule,
// hazard, brand, model), dialogue behaviours (acts, question topics, solved or not,
// hazards mid-conversation) and slot answers (model, purchase date, serial, extended
// warranty, phone). Every corpus line has a split; thresholds and weights are tuned on
// "dev" only, and "test" is read only to report. `intake kb eval` prints the figures.
package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/bot/textmodel"
	"github.com/wxintake/intake/knowledge"
)

// Now is the time every corpus message is read at: the corpora's relative dates ("去年")
// were labelled for it, unless a line carries its own day (readAt).
var Now = time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// readAt is when a line is read: Now, or 10:00 on the line's own "today" (YYYY-MM-DD), the
// day its writer worked out its relative dates from ("上周五" written on a Monday).
func readAt(today string) time.Time {
	if d, err := time.ParseInLocation(time.DateOnly, today, Now.Location()); err == nil {
		return d.Add(10 * time.Hour)
	}
	return Now
}

// Score is a count of right answers out of a total.
type Score struct{ Right, Total int }

func (s *Score) add(ok bool) {
	s.Total++
	if ok {
		s.Right++
	}
}

// Rate is Right/Total, 1 for an empty score.
func (s Score) Rate() float64 {
	if s.Total == 0 {
		return 1
	}
	return float64(s.Right) / float64(s.Total)
}

func (s Score) String() string {
	return fmt.Sprintf("%5.1f%% (%d/%d)", 100*s.Rate(), s.Right, s.Total)
}

// Report holds every figure of one evaluation, by name ("rule top-1", "hazard recall
// fire"…), and the misses worth reading.
type Report struct {
	Split   string
	Figures map[string]*Score
	Misses  []string

	reader bot.RuleReader
	// traceID names a conversation whose replay is written to trace (Trace).
	traceID string
	trace   io.Writer
}

func (r *Report) score(name string, ok bool) {
	if r.Figures == nil {
		r.Figures = map[string]*Score{}
	}
	s := r.Figures[name]
	if s == nil {
		s = &Score{}
		r.Figures[name] = s
	}
	s.add(ok)
}

func (r *Report) miss(format string, args ...any) {
	r.Misses = append(r.Misses, fmt.Sprintf(format, args...))
}

// Get returns a figure (zero when absent).
func (r *Report) Get(name string) Score {
	if s := r.Figures[name]; s != nil {
		return *s
	}
	return Score{}
}

// WriteText prints the figures sorted by name, then up to maxMisses misses.
func (r *Report) WriteText(w io.Writer, maxMisses int) error {
	names := make([]string, 0, len(r.Figures))
	for n := range r.Figures {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	fmt.Fprintf(&b, "split %s\n", r.Split)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-44s %s\n", n, r.Figures[n])
	}
	if maxMisses > 0 && len(r.Misses) > 0 {
		fmt.Fprintf(&b, "misses (%d, first %d):\n", len(r.Misses), min(maxMisses, len(r.Misses)))
		for _, m := range r.Misses[:min(maxMisses, len(r.Misses))] {
			fmt.Fprintf(&b, "  %s\n", m)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Run evaluates the corpora under dir on split ("dev", "test" or "all") with the
// knowledge base kb, reading messages as reader does.
func Run(dir, split string, kb *bot.KnowledgeBase, reader bot.RuleReader) (*Report, error) {
	r := &Report{Split: split, reader: reader}
	d := bot.NewDialog(kb)
	if err := eachLine(filepath.Join(dir, "first_messages.jsonl"), split, func(l firstMessage) { firstMessages(r, d, kb, l) }); err != nil {
		return nil, err
	}
	if err := eachLine(filepath.Join(dir, "behaviours.jsonl"), split, func(l behaviour) { behaviours(r, d, kb, l) }); err != nil {
		return nil, err
	}
	if err := eachLine(filepath.Join(dir, "slots.jsonl"), split, func(l slotLine) { slots(r, d, l) }); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "conversations.jsonl")
	if _, err := os.Stat(path); err == nil { // rounds before 13 wrote no whole conversations
		if err := eachLine(path, split, func(l conversation) { conversations(r, d, l) }); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// eachLine decodes every line of a JSONL file in the split.
func eachLine[T interface{ lineSplit() string }](path, split string, f func(T)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if split == "all" || v.lineSplit() == split {
			f(v)
		}
	}
	return sc.Err()
}

type firstMessage struct {
	ID, Split, Text, Category, Product, Rule, Hazard, Brand, Model string
	Today                                                          string // see readAt
}

func (l firstMessage) lineSplit() string { return l.Split }

// hazardFigures scores the hazard reading of one message labelled want (a family, or ""
// for none) and reports whether the patterns read a hazard. A hazard the patterns miss
// but the hazard model suspects is asked about (bot.safety.check): the "or checked"
// figures count those, and "no safety check" the routine messages spared one.
func hazardFigures(r *Report, kb *bot.KnowledgeBase, u *bot.Understanding, where, id, state, want, text string) bool {
	_, hazard := kb.Hazard(u.Canon, u.HazardReading())
	hazard = hazard || len(u.Hazards) > 0
	checked := hazard || u.Suspect != ""
	if want != "" {
		r.score("hazard recall ("+where+")", hazard)
		r.score("hazard recall or checked ("+where+")", checked)
		switch {
		case !checked:
			r.miss("%s %shazard %s missed: %s", id, state, want, text)
		case !hazard:
			r.miss("%s %shazard %s only checked (%s): %s", id, state, want, u.Suspect, text)
		}
		return hazard
	}
	r.score("hazard no false alarm ("+where+")", !hazard)
	r.score("hazard no safety check ("+where+")", !checked)
	switch {
	case hazard:
		r.miss("%s %sfalse hazard: %s", id, state, text)
	case checked:
		r.miss("%s %ssafety check (%s) on: %s", id, state, u.Suspect, text)
	}
	return hazard
}

// firstMessages scores one customer's first message as the bot reads it at the start of
// a conversation.
func firstMessages(r *Report, d *bot.Dialog, kb *bot.KnowledgeBase, l firstMessage) {
	u := r.reader.Understand(l.Text, bot.Context{State: bot.StateNew, Now: readAt(l.Today), Lexicon: kb.Lexicon()})
	hazardFigures(r, kb, &u, "first messages", l.ID, "", l.Hazard, l.Text)
	if l.Hazard != "" {
		_, hazard := kb.Hazard(u.Canon, u.HazardReading())
		r.score("hazard recall "+l.Hazard, hazard || len(u.Hazards) > 0)
	}
	cat := u.Facts.Category
	want := l.Category
	// A product the corpus calls "other" that the editors list under a category (the air
	// fryer under 电饭煲/小厨电) is filed right under that category.
	listed := want == bot.OtherCategory && cat != want && kb.Lexicon().CategoryNames(cat, knowledge.Canon(l.Product))
	r.score("category", cat == want || listed)
	if cat != want && !listed {
		r.miss("%s category %q want %q: %s", l.ID, cat, want, l.Text)
	}
	if want == bot.OtherCategory {
		r.score("other product named", (cat == want && u.Facts.Product != "") || listed)
	}
	if l.Brand != "" {
		r.score("brand", u.Facts.Brand == l.Brand)
		if u.Facts.Brand != l.Brand {
			r.miss("%s brand %q want %q: %s", l.ID, u.Facts.Brand, l.Brand, l.Text)
		}
	}
	if l.Model != "" {
		ok := sameModel(u.Facts.Model, l.Model)
		r.score("model (in a first message)", ok)
		if !ok {
			r.miss("%s model %q want %q: %s", l.ID, u.Facts.Model, l.Model, l.Text)
		}
	}
	if l.Rule == unlabelled {
		return // round 3 labels products and hazards, not rules
	}
	if l.Rule == "" || l.Hazard != "" || want == bot.OtherCategory {
		if l.Rule == "" && l.Hazard == "" && want != "" && want != bot.OtherCategory {
			r.score("vague: no confident guess", !u.Is(bot.ActReport) || !confidentRule(kb, u, want))
		}
		return
	}
	hint := cat
	if hint == "" || hint == bot.OtherCategory {
		hint = want // the bot asks the product first when the message does not say
	}
	ms := kb.Matcher().Match(knowledge.Query{Text: u.Canon, Category: hint,
		Case:  knowledge.CaseFacts{Category: hint, Brand: u.Facts.Brand, Model: u.Facts.Model, ErrorCode: u.Facts.ErrorCode, AgeMonths: knowledge.UnknownAge},
		Limit: 4})
	rank := 0
	n := 0
	for _, m := range ms {
		if m.Safety {
			continue
		}
		n++
		if m.RuleID == l.Rule {
			rank = n
			break
		}
	}
	r.score("rule top-1", rank == 1)
	r.score("rule top-3", rank >= 1 && rank <= 3)
	r.score("rule top-1 "+want, rank == 1)
	if rank != 1 {
		got := ""
		if len(ms) > 0 {
			got = ms[0].RuleID
		}
		r.miss("%s rule %s (rank %d) got %q: %s", l.ID, l.Rule, rank, got, l.Text)
	}
}

// confidentRule reports whether the bot would act on a rule without asking.
func confidentRule(kb *bot.KnowledgeBase, u bot.Understanding, cat string) bool {
	c := bot.Case{Facts: u.Facts}
	c.Category = cat
	rule, ok := kb.Match(&c)
	return ok && rule.Confident
}

// modelQualifiers are what customers write after a model number that does not change
// which model it is: the year of the edition, storage, case size, colour.
var modelQualifiers = regexp.MustCompile(`(?:\s*(?:\b20[12]\d款?|\b\d\d款|\b\d+(?:G|GB|T|TB|MM)\b|[黑白灰金银紫蓝绿红粉]色|暗紫色|深空灰|午夜色|星光色|的))+$`)

// sameModel compares model numbers as staff would: case, spaces and full-width forms aside,
// and the edition year, storage, size or colour after the number ("GT4 46mm" is the GT4,
// "拯救者y9000p 2023" the 拯救者Y9000P 2023款). A series or brand name written before the
// number is no different model either ("联想 Y9000P" for Y9000P).
func sameModel(got, want string) bool {
	norm := func(s string) string {
		s = strings.ToUpper(strings.TrimSpace(knowledge.Canon(s)))
		if t := modelQualifiers.ReplaceAllString(s, ""); t != "" {
			s = t
		}
		return strings.ReplaceAll(s, " ", "")
	}
	g, w := norm(got), norm(want)
	if g == w {
		return true
	}
	prefix, found := strings.CutSuffix(g, w)
	return found && w != "" && isHanOnly(prefix)
}

func isHanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

type behaviour struct {
	ID, Split, State, Asked, Text, Act, Topic, Slot, Value, Hazard string
	Today                                                          string // see readAt
}

func (l behaviour) lineSplit() string { return l.Split }

var corpusStates = map[string]bot.State{
	"start": bot.StateNew, "collect": bot.StateCollect, "self": bot.StateSelf, "confirm": bot.StateConfirm,
	"human": bot.StateHuman, "done": bot.StateDone,
}

// unlabelled is the rule of a first message whose rule was not labelled: neither its
// rule nor the absence of one is scored.
const unlabelled = "?"

// behaviourContext is the conversation a behaviour line arrives in: an air conditioner's
// case (none at the start), with a ticket once done or with a person.
func behaviourContext(l behaviour, kb *bot.KnowledgeBase) bot.Context {
	ctx := bot.Context{State: corpusStates[l.State], Asking: bot.Slot(l.Asked), Category: "air_conditioner", Now: readAt(l.Today),
		Lexicon: kb.Lexicon(), HasTicket: l.State == "done" || l.State == "human"}
	if l.State == "start" {
		ctx.Category = ""
	}
	return ctx
}

// TrainActs trains the act model (package bot/textmodel) on the behaviour lines of split
// under dir that report no hazard, each read first by the patterns alone.
func TrainActs(dir, split string, kb *bot.KnowledgeBase) (*textmodel.Model, error) {
	var examples []textmodel.Example
	err := eachLine(filepath.Join(dir, "behaviours.jsonl"), split, func(l behaviour) {
		if l.Hazard != "" || l.Act == "" {
			return
		}
		ctx := behaviourContext(l, kb)
		u := bot.RuleReader{NoModel: true}.Understand(l.Text, ctx)
		examples = append(examples, textmodel.Example{State: string(ctx.State), Asking: string(ctx.Asking),
			Text: bot.ActText(u.Canon), RuleAct: string(u.Decisive(ctx.State).Kind), Act: l.Act})
	})
	if err != nil {
		return nil, err
	}
	// every reply to a detail asked is an answer: "今天", "格力的", a phone number
	err = eachLine(filepath.Join(dir, "slots.jsonl"), split, func(l slotLine) {
		ctx := bot.Context{State: bot.StateCollect, Asking: bot.Slot(l.Asked), Category: l.Category, Now: readAt(l.Today), Lexicon: kb.Lexicon()}
		u := bot.RuleReader{NoModel: true}.Understand(l.Text, ctx)
		examples = append(examples, textmodel.Example{State: string(ctx.State), Asking: string(ctx.Asking),
			Text: bot.ActText(u.Canon), RuleAct: string(u.Decisive(ctx.State).Kind), Act: string(bot.ActAnswer)})
	})
	if err != nil {
		return nil, err
	}
	return textmodel.Train(examples), nil
}

// TrainHazards trains the hazard model (package bot/textmodel) on the first messages and
// behaviour lines of split under dir: each labelled with its hazard family, or "none".
func TrainHazards(dir, split string) (*textmodel.Model, error) {
	var examples []textmodel.Example
	add := func(text, hazard string) {
		if hazard == "" {
			hazard = bot.HazardNone
		}
		examples = append(examples, textmodel.Example{Text: bot.ActText(knowledge.Canon(text)), Act: hazard})
	}
	if err := eachLine(filepath.Join(dir, "first_messages.jsonl"), split, func(l firstMessage) { add(l.Text, l.Hazard) }); err != nil {
		return nil, err
	}
	if err := eachLine(filepath.Join(dir, "behaviours.jsonl"), split, func(l behaviour) { add(l.Text, l.Hazard) }); err != nil {
		return nil, err
	}
	return textmodel.Train(examples), nil
}

// behaviours scores the act the dialog would act on, in the state the message arrived in.
func behaviours(r *Report, d *bot.Dialog, kb *bot.KnowledgeBase, l behaviour) {
	ctx := behaviourContext(l, kb)
	st := ctx.State
	u := r.reader.Understand(l.Text, ctx)
	if hazard := hazardFigures(r, kb, &u, "in conversation", l.ID, "["+l.State+"] ", l.Hazard, l.Text); hazard || l.Hazard != "" {
		return // the hazard decides what happens, whatever else the message does
	}
	got := predictedAct(&u, st)
	want := bot.ActKind(l.Act)
	ok := got == want || equivalent(got, want, st)
	r.score("act (all)", ok)
	r.score("act "+l.Act, ok)
	if want == bot.ActQuestion && got == bot.ActQuestion {
		a, _ := u.Has(bot.ActQuestion)
		r.score("question topic", a.Topic == l.Topic || (l.Topic == "other" && a.Topic != ""))
		if a.Topic != l.Topic {
			r.miss("%s [%s] topic %q want %q: %s", l.ID, l.State, a.Topic, l.Topic, l.Text)
		}
	}
	if !ok {
		r.miss("%s [%s] act %s want %s: %s", l.ID, l.State, got, want, l.Text)
	}
}

// predictedAct is the act the dialog would act on.
func predictedAct(u *bot.Understanding, st bot.State) bot.ActKind {
	return u.Decisive(st).Kind
}

// equivalent accepts readings the dialog treats alike: an answer that carries a fault
// report, a fault report with a vague word in it.
func equivalent(got, want bot.ActKind, st bot.State) bool {
	switch {
	case want == bot.ActAnswer && got == bot.ActReport && st == bot.StateCollect:
		return true
	case want == bot.ActReport && got == bot.ActAnswer && st == bot.StateCollect:
		return true
	}
	return false
}

type slotLine struct {
	ID, Split, Asked, Category, Text string
	Today                            string // see readAt
	Expect                           map[string]any
}

func (l slotLine) lineSplit() string { return l.Split }

// slots scores the reading of an answer to the question asked.
func slots(r *Report, d *bot.Dialog, l slotLine) {
	c := bot.Case{}
	c.Category = l.Category
	ok := d.AnswerSlot(&c, bot.Slot(l.Asked), l.Text, readAt(l.Today))
	e := l.Expect
	name := "slot " + l.Asked
	reask, _ := e["reask"].(bool)
	unknown, _ := e["unknown"].(bool)
	var right bool
	switch {
	case reask:
		right = !ok
	case unknown:
		right = ok && (c.ModelUnknown || c.PurchaseUnknown || c.SerialUnknown || c.ExtendedWarranty == bot.YesNoUnset)
	case l.Asked == "model":
		right = ok && sameModel(c.Model, fmt.Sprint(e["model"]))
	case l.Asked == "purchase":
		y, m := num(e["year"]), num(e["month"])
		right = ok && c.PurchaseDate.Year == y && c.PurchaseDate.Month == m
		if approx, has := e["approx"].(bool); has && right && approx && !c.PurchaseApprox {
			r.score("slot purchase marked approximate", false)
		} else if has && right && approx {
			r.score("slot purchase marked approximate", true)
		}
	case l.Asked == "serial":
		right = ok && c.Serial == fmt.Sprint(e["serial"])
	case l.Asked == "warranty":
		ext, _ := e["extended"].(bool)
		right = ok && (c.ExtendedWarranty == bot.YesNoYes) == ext
		if months := num(e["months"]); right && ext && months > 0 {
			r.score("slot warranty length", c.ExtendedMonths == months)
		}
	case l.Asked == "phone":
		right = ok && strings.ReplaceAll(c.Phone.Number, "-", "") == fmt.Sprint(e["phone"])
	}
	r.score(name, right)
	if !right {
		r.miss("%s %s %q: got ok=%v %+v", l.ID, l.Asked, l.Text, ok, slotValue(&c, l.Asked))
	}
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func slotValue(c *bot.Case, asked string) any {
	switch asked {
	case "model":
		return c.Model
	case "purchase":
		return c.PurchaseDate
	case "serial":
		return c.Serial
	case "warranty":
		return fmt.Sprint(c.ExtendedWarranty, c.ExtendedMonths)
	case "phone":
		return c.Phone.Number
	}
	return nil
}
