package triage

import (
	"strings"

	"github.com/wxintake/intake/catalog"
)

// Priority orders the queue.
type Priority string

// The priorities, most pressing first.
const (
	PriorityUrgent  Priority = "urgent"  // core use impossible, data lost, or unsafe
	PriorityNormal  Priority = "normal"  // everything else
	PriorityRoutine Priority = "routine" // cosmetic only
)

// Label returns the priority as staff read it, e.g. "紧急".
func (p Priority) Label() string { return catalog.T("triage.priority." + string(p)) }

// Rank orders priorities for the queue: 0 for urgent, 1 normal, 2 routine, 3 unknown.
func (p Priority) Rank() int {
	switch p {
	case PriorityUrgent:
		return 0
	case PriorityNormal:
		return 1
	case PriorityRoutine:
		return 2
	}
	return 3
}

// The fallback word lists, matched as substrings of the symptom. The knowledge base carries
// the main judgement (Hint.Priority); these only cover symptoms no rule matched. Keep them
// short and unambiguous.
var (
	unusableWords = []string{"无法开机", "不开机", "开不了机", "不启动", "无法启动", "启动不了", "黑屏无反应"}
	// lockedOutWords are a door lock that keeps people out of their home: urgent whatever
	// the matched rule says of the lock's fault
	lockedOutWords = []string{"进不去家", "进不了家", "进不去门", "进不了门", "进不去家门", "进不了家门", "锁在外面", "关在外面", "开不了门", "打不开门", "门打不开", "回不了家"}
	dataLossWords  = []string{"数据丢失", "资料没了", "照片没了", "文件没了", "数据没了"}
	cosmeticWords  = []string{"划痕", "磕碰", "掉漆", "外观"}
)

// Prioritise decides the priority. Precedence, first match wins:
//
//  1. a safety hazard is always urgent;
//     a complaint risk (Case.Complaint) is urgent too: a senior person, a short deadline;
//     so is a door lock that keeps people out of their home, whatever its rule says;
//  2. the matched rule's priority, when it gives one (editors know their faults better
//     than a word list);
//  3. words in the symptom: core use impossible or data lost is urgent;
//  4. cosmetic words make it routine;
//  5. otherwise normal.
//
// The brief's draft signature also took the fault class; no rule here depends on it, so it
// is left out rather than carried unused.
func Prioritise(c Case) (Priority, Reason) {
	if c.Safety {
		return PriorityUrgent, because("triage.why.priority.safety")
	}
	if c.Complaint != "" {
		return PriorityUrgent, because("triage.why.priority.complaint", "signal", c.Complaint)
	}
	if w, ok := findWord(c.Symptom, lockedOutWords); ok {
		return PriorityUrgent, because("triage.why.priority.unusable", "word", w)
	}
	switch c.Hint.Priority {
	case PriorityUrgent, PriorityNormal, PriorityRoutine:
		return c.Hint.Priority, because("triage.why.priority.rule", "priority", c.Hint.Priority.Label())
	}
	if w, ok := findWord(c.Symptom, unusableWords); ok {
		return PriorityUrgent, because("triage.why.priority.unusable", "word", w)
	}
	if w, ok := findWord(c.Symptom, dataLossWords); ok {
		return PriorityUrgent, because("triage.why.priority.data_loss", "word", w)
	}
	if w, ok := findWord(c.Symptom, cosmeticWords); ok {
		return PriorityRoutine, because("triage.why.priority.cosmetic", "word", w)
	}
	return PriorityNormal, because("triage.why.priority.normal")
}

func findWord(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.Contains(s, w) {
			return w, true
		}
	}
	return "", false
}
