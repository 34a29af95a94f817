package knowledge

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/catalog"
)

// Problem is one defect in the knowledge YAML, located at a file, line and field.
type Problem struct {
	// File is the file's path inside the set ("rules/air_conditioner.yaml"); empty for a
	// rule edited on its own.
	File string
	// Line is the 1-based line of the offending value (0 when unknown).
	Line int
	// Field is the path of the field, e.g. "rules[3].unresolved.priority".
	Field string
	// Code names the kind of problem; "knowledge.problem."+Code is its catalog key.
	Code string
	// Args are the message's placeholder values as alternating name, value pairs.
	Args []any
}

// problemText holds the English message of each problem code, with the same {placeholders}
// as the Chinese catalog sentence. English is for logs and the CLI; staff read Text.
var problemText = map[string]string{
	"syntax":                 "{detail}",
	"decode":                 "{detail}",
	"required":               "is required",
	"bad_id":                 "{value} is not a valid id ({pattern})",
	"duplicate_id":           "duplicate id {value} (also at {where})",
	"unknown_category":       "unknown category {value}",
	"bad_regex":              "invalid regular expression {value}: {detail}",
	"empty_regex":            "regular expression {value} matches empty text",
	"bad_condition":          "invalid condition: {detail}",
	"advice_required":        "a safety rule needs advice",
	"bad_image":              "{value} is not an http(s) address",
	"few_samples":            "has {count} distinct samples, needs at least {min}",
	"bad_enum":               "{value} is not one of {allowed}",
	"price_range":            "min {min} is greater than max {max}",
	"negative":               "{value} must not be negative",
	"exchange_before_return": "exchange_days {exchange} is shorter than return_days {return}: the exchange period includes the return period",
	"repair_warranty_short":  "repair_warranty_days {value} is below the statutory minimum of {min}",
	"no_triggers":            "the rule has no keywords, synonyms, error codes or regex",
	"empty_phrase":           "{value} is empty after normalisation",
	"bad_error_code":         "{value} is not an error code (letters, digits and -)",
	"duplicate":              "{value} is listed twice",
	"bad_skill":              "{value} is not an ASCII skill tag ([a-z0-9_-]+)",
	"costly_regex":           "regular expression {value} is too complex: {size} instructions compiled, at most {max}",
	"condition_range":        "range {value} must be two whole numbers at most {max} apart",
	"condition_nested":       "{value} loops inside another loop",
	"condition_matches":      "{value}: matches needs a constant pattern (a quoted string)",
	"condition_builtin":      "{value} is not available in conditions",
	"slow_rule":              "rule {id} takes at least {cost} ms per message on the benchmark messages, more than {budget} ms",
}

// Error formats the problem as "file:line: field: message" in English.
func (p Problem) Error() string {
	var b strings.Builder
	switch {
	case p.File != "" && p.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", p.File, p.Line)
	case p.File != "":
		b.WriteString(p.File + ": ")
	case p.Line > 0:
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(fill(problemText[p.Code], p.Args))
	return b.String()
}

// Text is the problem in Simplified Chinese from the catalog, for the editor's page.
func (p Problem) Text() string {
	where := ""
	if p.Line > 0 {
		where = catalog.T("knowledge.problem.where", "file", p.File, "line", p.Line)
	}
	msg := catalog.T("knowledge.problem."+p.Code, p.Args...)
	if p.Field != "" {
		msg = p.Field + "：" + msg
	}
	return where + msg
}

// fill replaces {name} placeholders of s with the values of kv (name, value pairs).
func fill(s string, kv []any) string {
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		s = strings.ReplaceAll(s, "{"+name+"}", fmt.Sprint(kv[i+1]))
	}
	return s
}

// ValidationError lists every problem found in a set or a rule.
type ValidationError struct {
	Problems []Problem
}

// Error joins the problems, one per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems while walking a document.
type problems []Problem

func (ps *problems) add(at field, code string, args ...any) {
	*ps = append(*ps, Problem{File: at.file, Line: at.line(), Field: at.path, Code: code, Args: args})
}

// err returns nil without problems, else a *ValidationError.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps}
}

// field is a position in a YAML document: the file, the dotted path of the field and its
// node. The node may be nil (a set built in code, or a missing key); the line then falls
// back to the nearest known ancestor.
type field struct {
	file    string
	path    string
	node    *yaml.Node
	keyLine int // line of the field's key, when it is a mapping value
	at      int // line of the nearest ancestor with a node
}

// key returns the field name of the mapping at f.
func (f field) key(name string) field {
	c := field{file: f.file, path: name, at: f.line()}
	if f.path != "" {
		c.path = f.path + "." + name
	}
	if f.node != nil && f.node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(f.node.Content); i += 2 {
			if f.node.Content[i].Value == name {
				c.node = f.node.Content[i+1]
				c.keyLine = f.node.Content[i].Line
				break
			}
		}
	}
	return c
}

// index returns element i of the sequence at f.
func (f field) index(i int) field {
	c := field{file: f.file, path: f.path + "[" + strconv.Itoa(i) + "]", at: f.line()}
	if f.node != nil && f.node.Kind == yaml.SequenceNode && i < len(f.node.Content) {
		c.node = f.node.Content[i]
	}
	return c
}

// line is where a problem with the field is reported: its key's line (a block list or
// mapping starts on the next one), else its node's, else the nearest ancestor's.
func (f field) line() int {
	switch {
	case f.keyLine > 0:
		return f.keyLine
	case f.node != nil:
		return f.node.Line
	}
	return f.at
}
