package knowledge

import (
	"bytes"
	"errors"
	"io"
	"strconv"

	"gopkg.in/yaml.v3"
)

// MarshalRule renders one rule as YAML for the edit-as-YAML page: a single mapping (not a
// list), short lists in flow style, two-space indent.
func MarshalRule(r Rule) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseRule reads one rule written as a YAML mapping (the shape MarshalRule produces) and
// checks it on its own: syntax, unknown fields, and every rule check that needs no other
// rule or category. Problems carry line numbers within data and fields relative to the
// rule ("triggers.regex[0]"). See Set.CheckRule for the checks against a set.
func ParseRule(data []byte) (Rule, error) {
	r, at, ps := decodeRule(data)
	if len(ps) == 0 {
		validateRule(&ps, &r, at, nil)
	}
	return r, ps.err()
}

func decodeRule(data []byte) (Rule, field, problems) {
	var r Rule
	var node yaml.Node
	at := field{at: 1}
	if err := yaml.Unmarshal(data, &node); err != nil {
		return r, at, yamlProblems("", err)
	}
	if len(node.Content) == 0 {
		var ps problems
		ps.add(at, "required")
		return r, at, ps
	}
	at.tree = newPosTree(node.Content[0])
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil && !errors.Is(err, io.EOF) {
		return r, at, yamlProblems("", err)
	}
	return r, at, nil
}

// CheckRule parses an edited rule (see ParseRule) and also checks it against the set: its
// categories must exist and its id must not belong to another rule, except replaceID, the
// rule being edited ("" for a new rule).
func (s *Set) CheckRule(data []byte, replaceID string) (Rule, error) {
	r, at, ps := decodeRule(data)
	if len(ps) > 0 {
		return r, ps.err()
	}
	validateRule(&ps, &r, at, func(id string) bool { return s.Category(id) != nil })
	if r.ID != replaceID {
		for i := range s.Rules {
			if s.Rules[i].ID == r.ID {
				ps.add(at.key("id"), "duplicate_id", "value", strconv.Quote(r.ID), "where", where(s.ruleField(i).key("id")))
				break
			}
		}
	}
	return r, ps.err()
}
