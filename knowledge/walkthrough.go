package knowledge

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wxintake/intake/catalog"
)

// Answer is what a customer's reply to a self-service step means.
type Answer int

// The answers to a step. The bot offers numbered choices (WeChat text chat has no
// buttons): 1 solved, 2 not solved, 0 a human; colloquial replies are understood too.
const (
	AnswerUnclear   Answer = iota // anything else: ask again
	AnswerSolved                  // "1", "好了", "可以了"
	AnswerNotSolved               // "2", "没解决", "还是不行"
	AnswerHuman                   // "0", "转人工"
)

// String names the answer for logs.
func (a Answer) String() string {
	switch a {
	case AnswerSolved:
		return "solved"
	case AnswerNotSolved:
		return "not_solved"
	case AnswerHuman:
		return "human"
	}
	return "unclear"
}

// Phrases of each answer, checked in this order: asking for a human wins over everything,
// and the denials ("没好", "不行") are checked before the phrases they contain ("好").
var (
	humanPhrases     = []string{"转人工", "人工", "客服", "真人", "工程师", "师傅", "上门", "投诉", "找人"}
	notSolvedPhrases = []string{
		"没解决", "未解决", "没有解决", "不行", "没用", "没有用", "不好使", "不管用", "没好", "不好",
		"还是一样", "老样子", "一样的", "依旧", "依然", "还是", "没反应", "没变化", "没效果", "不可以",
		"有问题", "无效", "失败", "没法", "不能", "不正常", "不成功", "没成功",
	}
	solvedPhrases = []string{
		"解决了", "已解决", "好了", "好啦", "可以了", "可以啦", "行了", "搞定", "正常了", "恢复正常",
		"没问题", "恢复了", "能用了", "可以用", "修好", "好使了", "管用", "有效", "成功", "ok了",
	}
	// solvedWords are whole replies that agree; inside a longer reply they mean too little
	// ("可以" in "可以再说一遍吗").
	solvedWords    = []string{"可以", "ok", "yes", "解决", "行"}
	notSolvedWords = []string{"no", "否", "不", "没有"}
)

// ParseAnswer reads a reply to a step: a leading choice digit ("1", "２。", "2 还是不行")
// decides; otherwise the words do, a request for a human first, then a denial, then
// agreement. Anything else is AnswerUnclear.
func ParseAnswer(text string) Answer {
	t := strings.Trim(Normalize(text), ",")
	if t == "" {
		return AnswerUnclear
	}
	if d := t[0]; d >= '0' && d <= '9' && (len(t) == 1 || !isASCIIAlnum(rune(t[1]))) {
		switch d {
		case '1':
			return AnswerSolved
		case '2':
			return AnswerNotSolved
		case '0':
			return AnswerHuman
		}
		return AnswerUnclear
	}
	switch {
	case slices.Contains(solvedWords, t):
		return AnswerSolved
	case slices.Contains(notSolvedWords, t):
		return AnswerNotSolved
	}
	for _, list := range []struct {
		phrases []string
		answer  Answer
	}{{humanPhrases, AnswerHuman}, {notSolvedPhrases, AnswerNotSolved}, {solvedPhrases, AnswerSolved}} {
		for _, p := range list.phrases {
			if strings.Contains(t, p) {
				return list.answer
			}
		}
	}
	return AnswerUnclear
}

// Walkthrough is the progress of a customer through a rule's self-service steps: the rule
// and the index of the step shown last. It is plain data, kept in the conversation.
type Walkthrough struct {
	RuleID string `json:"rule_id"`
	Step   int    `json:"step"`
}

// Verdict is what the dialog does after an answer to a step.
type Verdict int

// The verdicts.
const (
	VerdictShow     Verdict = iota // show the (new) current step
	VerdictSolved                  // the customer's problem is solved: close with thanks
	VerdictEscalate                // the last step didn't help: open a ticket
	VerdictHuman                   // the customer asked for a human
	VerdictRepeat                  // the answer was unclear: ask again
)

// String names the verdict for logs.
func (v Verdict) String() string {
	switch v {
	case VerdictShow:
		return "show"
	case VerdictSolved:
		return "solved"
	case VerdictEscalate:
		return "escalate"
	case VerdictHuman:
		return "human"
	}
	return "repeat"
}

// Start begins a walkthrough of r at its first step; ok is false when r has no steps (or
// is a safety rule, which never offers self-service).
func Start(r *Rule) (w Walkthrough, ok bool) {
	return Walkthrough{RuleID: r.ID}, len(r.Steps) > 0 && !r.Safety
}

// Current returns the step to show, false when the walkthrough is done.
func (w Walkthrough) Current(r *Rule) (Step, bool) {
	if w.Step < 0 || w.Step >= len(r.Steps) {
		return Step{}, false
	}
	return r.Steps[w.Step], true
}

// Done reports whether every step of r has been tried.
func (w Walkthrough) Done(r *Rule) bool { return w.Step >= len(r.Steps) }

// Next applies the customer's answer to the current step: solved and human end the
// walkthrough as they are; not solved moves to the next step, or escalates after the last;
// an unclear answer repeats the step.
func (w Walkthrough) Next(r *Rule, a Answer) (Walkthrough, Verdict) {
	switch a {
	case AnswerSolved:
		return w, VerdictSolved
	case AnswerHuman:
		return w, VerdictHuman
	case AnswerNotSolved:
		w.Step++
		if w.Done(r) {
			w.Step = len(r.Steps)
			return w, VerdictEscalate
		}
		return w, VerdictShow
	}
	return w, VerdictRepeat
}

// Prompt is the message showing the current step to the customer: its number, a caution
// when the step touches power or gas, the text and the choices. It is empty when the
// walkthrough is done.
func (w Walkthrough) Prompt(r *Rule) string {
	st, ok := w.Current(r)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString(catalog.T("knowledge.step.header", "n", strconv.Itoa(w.Step+1), "total", strconv.Itoa(len(r.Steps))))
	b.WriteString("\n")
	if st.Safety {
		b.WriteString(catalog.T("knowledge.step.caution") + "\n")
	}
	b.WriteString(st.Text + "\n")
	b.WriteString(catalog.T("knowledge.step.choices"))
	return b.String()
}
