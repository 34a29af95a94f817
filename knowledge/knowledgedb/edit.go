package knowledgedb

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/knowledge"
)

// The draft is edited as text, not re-encoded: a rule's lines are replaced, appended or
// removed and every other byte of the file stays as the editors wrote it (comments,
// ordering, flow lists), so a revision's diff shows exactly the rules that changed.

// ruleFileFor is the file a new rule is appended to: hazards go with the safety rules, a
// rule with categories into the file of its first category, any other into general.yaml.
func ruleFileFor(r knowledge.Rule) string {
	switch {
	case r.Safety:
		return "rules/safety.yaml"
	case len(r.Categories) > 0:
		return "rules/" + r.Categories[0] + ".yaml"
	}
	return "rules/general.yaml"
}

// fileLayout is where the rules of one YAML file are, by line.
type fileLayout struct {
	lines      []string
	rulesKey   int        // 1-based line of the root "rules:" key; 0 when there is none
	rules      *yaml.Node // the rules value; nil when there is none
	items      []itemSpan // the rules, in order
	categories bool       // the file also has a "categories:" key
}

// itemSpan is the lines of one rule in its file, 1-based and inclusive, and the text
// before its first key ("  - ").
type itemSpan struct {
	id         string
	start, end int
	prefix     string
}

// layoutOf finds the rules of a knowledge file.
func layoutOf(b []byte) (fileLayout, error) {
	l := fileLayout{lines: splitLines(b)}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return l, err
	}
	if len(doc.Content) == 0 {
		return l, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return l, errors.New("the file is not a mapping")
	}
	stop := len(l.lines) // the line after which the rules value has surely ended
	for i := 0; i+1 < len(root.Content); i += 2 {
		key := root.Content[i]
		switch {
		case key.Value == "categories":
			l.categories = true
		case key.Value == "rules":
			l.rulesKey, l.rules = key.Line, root.Content[i+1]
		}
		if l.rulesKey > 0 && key.Line > l.rulesKey {
			stop = min(stop, key.Line-1)
		}
	}
	if l.rules == nil || l.rules.Kind != yaml.SequenceNode {
		return l, nil
	}
	for i, item := range l.rules.Content {
		if item.Line < 1 || item.Line > len(l.lines) || item.Column < 1 {
			return l, errors.New("a rule has no position")
		}
		first := l.lines[item.Line-1]
		prefix := first[:min(len(first), item.Column-1)]
		if strings.Trim(prefix, " -") != "" || !strings.Contains(prefix, "-") {
			return l, fmt.Errorf("rule %d does not start a block list item", i)
		}
		end := stop
		if i+1 < len(l.rules.Content) {
			end = l.rules.Content[i+1].Line - 1
		}
		// Blank lines and comments at the list's indentation (not inside the rule, where a
		// block scalar could hold them) belong to what follows.
		dash := strings.Index(prefix, "-")
		for end > item.Line && trailer(l.lines[end-1], dash) {
			end--
		}
		id := ""
		if item.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(item.Content); j += 2 {
				if item.Content[j].Value == "id" {
					id = item.Content[j+1].Value
				}
			}
		}
		l.items = append(l.items, itemSpan{id: id, start: item.Line, end: end, prefix: prefix})
	}
	return l, nil
}

// trailer reports whether line is blank or a comment indented no deeper than col.
func trailer(line string, col int) bool {
	t := strings.TrimLeft(line, " ")
	return t == "" || (strings.HasPrefix(t, "#") && len(line)-len(t) <= col)
}

func splitLines(b []byte) []string {
	s := strings.TrimRight(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// joinLines joins lines into a file's text, without blank lines at its end.
func joinLines(lines []string) []byte {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// itemLines turns a rule written as a mapping into the lines of a list item: prefix
// before its first line, as many spaces before the others. Comments above the rule stay
// above it, at the list's indentation.
func itemLines(text []byte, prefix string) []string {
	lines := splitLines(text)
	dash := prefix[:strings.Index(prefix, "-")]
	var out []string
	for len(lines) > 0 {
		t := strings.TrimSpace(lines[0])
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		if t != "" {
			out = append(out, dash+t)
		}
		lines = lines[1:]
	}
	indent := strings.Repeat(" ", len(prefix))
	for i, line := range lines {
		switch {
		case i == 0:
			out = append(out, prefix+line)
		case strings.TrimSpace(line) == "":
			out = append(out, "")
		default:
			out = append(out, indent+line)
		}
	}
	return out
}

// ruleText cuts the rule at span out of its file and returns it as a mapping of its own,
// as the editor wrote it (the list item's indentation removed).
func ruleText(l fileLayout, it itemSpan) []byte {
	lines := slices.Clone(l.lines[it.start-1 : it.end])
	lines[0] = lines[0][len(it.prefix):]
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], strings.Repeat(" ", len(it.prefix)))
	}
	return joinLines(lines)
}

// findRule returns the file and position of the rule with the id among files.
func findRule(files map[string][]byte, id string) (name string, l fileLayout, index int, err error) {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if ext := path.Ext(name); ext != ".yaml" && ext != ".yml" {
			continue
		}
		if !bytes.Contains(files[name], []byte(id)) { // cheap: most files cannot hold it
			continue
		}
		l, err := layoutOf(files[name])
		if err != nil {
			return "", l, 0, fmt.Errorf("%s: %w", name, err)
		}
		for i, it := range l.items {
			if it.id == id {
				return name, l, i, nil
			}
		}
	}
	return "", fileLayout{}, -1, fmt.Errorf("%w: %s", knowledge.ErrNoRule, id)
}

// putRule returns files with rule r, written as text, in place of the rule replaceID, or
// appended to its file (see ruleFileFor) when replaceID is "". text is kept as the editor
// wrote it when it survives being indented into the list; otherwise the rule is written
// out with knowledge.MarshalRule.
func putRule(files map[string][]byte, replaceID string, r knowledge.Rule, text []byte) (map[string][]byte, error) {
	out, err := spliceRule(files, replaceID, r, text)
	if err == nil {
		return out, nil
	}
	canonical, merr := knowledge.MarshalRule(r)
	if merr != nil {
		return nil, merr
	}
	if out, err2 := spliceRule(files, replaceID, r, canonical); err2 == nil {
		return out, nil
	}
	return nil, err
}

func spliceRule(files map[string][]byte, replaceID string, r knowledge.Rule, text []byte) (map[string][]byte, error) {
	var want knowledge.Rule
	if err := yaml.Unmarshal(text, &want); err != nil {
		return nil, err
	}
	out := maps.Clone(files)
	var name string
	var index int
	if replaceID != "" {
		n, l, i, err := findRule(files, replaceID)
		if err != nil {
			return nil, err
		}
		name, index = n, i
		it := l.items[i]
		lines := slices.Concat(l.lines[:it.start-1], itemLines(text, it.prefix), l.lines[it.end:])
		out[name] = joinLines(lines)
	} else {
		name = ruleFileFor(r)
		l, err := layoutOf(files[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		index = len(l.items)
		out[name] = appendRule(l, text)
	}
	// Check the edit: the file must hold exactly the rule the text alone describes.
	l, err := layoutOf(out[name])
	if err != nil {
		return nil, fmt.Errorf("%s: after the edit: %w", name, err)
	}
	var doc struct {
		Rules []knowledge.Rule `yaml:"rules"`
	}
	if err := yaml.Unmarshal(out[name], &doc); err != nil || index >= len(doc.Rules) || len(l.items) != len(doc.Rules) {
		return nil, fmt.Errorf("%s: the edited rule could not be written into the file", name)
	}
	if !reflect.DeepEqual(doc.Rules[index], want) {
		return nil, fmt.Errorf("%s: the edited rule reads differently inside the file", name)
	}
	return out, nil
}

// appendRule adds text as the last rule of the file laid out as l.
func appendRule(l fileLayout, text []byte) []byte {
	lines := l.lines
	switch {
	case len(l.items) > 0:
		last := l.items[len(l.items)-1]
		add := append([]string{""}, itemLines(text, last.prefix)...)
		lines = slices.Concat(lines[:last.end], add, lines[last.end:])
	case l.rulesKey > 0: // "rules:" or "rules: []"
		key := lines[l.rulesKey-1]
		indent := key[:len(key)-len(strings.TrimLeft(key, " "))]
		lines = slices.Clone(lines)
		lines[l.rulesKey-1] = indent + "rules:"
		lines = slices.Concat(lines[:l.rulesKey], itemLines(text, indent+"  - "), lines[l.rulesKey:])
	default:
		lines = slices.Concat(lines, []string{"rules:"}, itemLines(text, "  - "))
	}
	return joinLines(lines)
}

// deleteRule returns files without the rule with the id, and without the comment lines
// right above it. A file left with no rules and no categories is removed.
func deleteRule(files map[string][]byte, id string) (map[string][]byte, error) {
	name, l, i, err := findRule(files, id)
	if err != nil {
		return nil, err
	}
	it := l.items[i]
	start, dash := it.start, strings.Index(it.prefix, "-")
	for start-1 > l.rulesKey && strings.TrimSpace(l.lines[start-2]) != "" && trailer(l.lines[start-2], dash) {
		start--
	}
	lines := slices.Concat(l.lines[:start-1], l.lines[it.end:])
	// Keep one blank line where the rule was, not two, and none right after "rules:".
	if at := start - 1; at < len(lines) && strings.TrimSpace(lines[at]) == "" &&
		(at == 0 || at == l.rulesKey || strings.TrimSpace(lines[at-1]) == "") {
		lines = slices.Delete(lines, at, at+1)
	}
	out := maps.Clone(files)
	if len(l.items) == 1 {
		if !l.categories {
			delete(out, name)
			return out, nil
		}
		key := lines[l.rulesKey-1]
		lines[l.rulesKey-1] = key[:len(key)-len(strings.TrimLeft(key, " "))] + "rules: []"
	}
	out[name] = joinLines(lines)
	return out, nil
}
