package handlers

import (
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// ruleForm is a rule's common fields as the form view shows them: lists one item per
// line. The script sends the form as JSON over the rule's other fields, so what the form
// does not show (regex, condition, prices, step pictures) is kept.
type ruleForm struct {
	ID, Title    string
	Categories   map[string]bool
	Keywords     string
	Synonyms     string
	ErrorCodes   string
	Steps        string
	Samples      string
	FaultClass   knowledge.FaultClass
	Priority     knowledge.Priority
	FaultClasses []knowledge.FaultClass
	Priorities   []knowledge.Priority
}

// formOf fills the form view from a rule; a nil rule gives an empty form with the
// defaults of a new rule.
func formOf(r *knowledge.Rule) ruleForm {
	f := ruleForm{Categories: map[string]bool{}, FaultClass: knowledge.FaultHardware, Priority: knowledge.PriorityNormal,
		FaultClasses: knowledge.FaultClasses, Priorities: knowledge.Priorities}
	if r == nil {
		return f
	}
	f.ID, f.Title = r.ID, r.Title
	for _, c := range r.Categories {
		f.Categories[c] = true
	}
	f.Keywords = strings.Join(r.Triggers.Keywords, "\n")
	f.Synonyms = strings.Join(r.Triggers.Synonyms, "\n")
	f.ErrorCodes = strings.Join(r.Triggers.ErrorCodes, "\n")
	steps := make([]string, len(r.Steps))
	for i, s := range r.Steps {
		steps[i] = s.Text
	}
	f.Steps = strings.Join(steps, "\n")
	f.Samples = strings.Join(r.Samples, "\n")
	if r.Unresolved.FaultClass != "" {
		f.FaultClass = r.Unresolved.FaultClass
	}
	if r.Unresolved.Priority != "" {
		f.Priority = r.Unresolved.Priority
	}
	return f
}
