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
// node in the document's position tree. The node may be absent (a set built in code, or a
// missing key); the line then falls back to the nearest known ancestor.
type field struct {
	file    string
	path    string
	tree    *posTree // nil when the field has no node
	node    int32    // the node's index in tree
	keyLine int      // line of the field's key, when it is a mapping value
	at      int      // line of the nearest ancestor with a node
}

// key returns the field name of the mapping at f.
func (f field) key(name string) field {
	c := field{file: f.file, path: name, at: f.line()}
	if f.path != "" {
		c.path = f.path + "." + name
	}
	if t := f.tree; t != nil && t.nodes[f.node].kind == yaml.MappingNode {
		n := &t.nodes[f.node]
		for i := n.first; i+1 < n.first+n.n; i += 2 {
			if t.names[t.nodes[i].name] == name {
				c.tree, c.node = t, i+1
				c.keyLine = int(t.nodes[i].line)
				break
			}
		}
	}
	return c
}

// index returns element i of the sequence at f.
func (f field) index(i int) field {
	c := field{file: f.file, path: f.path + "[" + strconv.Itoa(i) + "]", at: f.line()}
	if t := f.tree; t != nil && t.nodes[f.node].kind == yaml.SequenceNode && i < int(t.nodes[f.node].n) {
		c.tree, c.node = t, t.nodes[f.node].first+int32(i)
	}
	return c
}

// line is where a problem with the field is reported: its key's line (a block list or
// mapping starts on the next one), else its node's, else the nearest ancestor's.
func (f field) line() int {
	switch {
	case f.keyLine > 0:
		return f.keyLine
	case f.tree != nil:
		return int(f.tree.nodes[f.node].line)
	}
	return f.at
}

// posTree is what fields need of a parsed YAML document: every node's kind, line and
// children, and the names of mapping keys, in flat arrays without pointers. A set keeps
// one per file for locating problems; yaml.Node trees, about ten times larger and made of
// millions of pointers the garbage collector would mark on every cycle, are dropped once
// the file is decoded.
type posTree struct {
	nodes []posNode
	names []string // the distinct mapping keys; names[0] is "", the name of every other node
}

// posNode is one node of a posTree; its children are nodes[first : first+n].
type posNode struct {
	line  int32
	first int32
	n     int32
	name  uint32 // index in names, for a mapping key
	kind  yaml.Kind
}

// newPosTree copies the positions of the tree at root; node 0 is root.
func newPosTree(root *yaml.Node) *posTree {
	t := &posTree{nodes: make([]posNode, 1, countNodes(root)), names: []string{""}}
	ids := map[string]uint32{"": 0}
	t.fill(0, root, false, ids)
	return t
}

func countNodes(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += countNodes(k)
	}
	return c
}

// fill records n at index i and its children after every node recorded so far.
func (t *posTree) fill(i int32, n *yaml.Node, isKey bool, ids map[string]uint32) {
	first := int32(len(t.nodes))
	t.nodes = append(t.nodes, make([]posNode, len(n.Content))...)
	p := posNode{line: int32(n.Line), first: first, n: int32(len(n.Content)), kind: n.Kind}
	if isKey && n.Value != "" {
		id, ok := ids[n.Value]
		if !ok {
			id = uint32(len(t.names))
			ids[n.Value] = id
			t.names = append(t.names, n.Value)
		}
		p.name = id
	}
	t.nodes[i] = p
	for j, c := range n.Content {
		t.fill(first+int32(j), c, n.Kind == yaml.MappingNode && j%2 == 0, ids)
	}
}
