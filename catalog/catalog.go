// Package catalog holds every sentence a customer or a staff member reads, in Simplified
// Chinese, keyed by a stable identifier. The sentences live in the YAML files beside this
// file (one per area: bot.yaml, triage.yaml, …), embedded in the binary and merged at start;
// a key defined twice is a build-time error caught by the package's tests.
//
// A sentence may name placeholders in braces, "{number}", filled by T's key/value pairs:
//
//	catalog.T("ticket.created", "number", "RS20261122-0001")
//
// A missing key returns the key itself in brackets, so a typo shows up in a transcript
// instead of producing an empty reply.
package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed *.yaml
var files embed.FS

var texts = mustLoad(files)

// mustLoad merges every YAML file of fsys into one map; a duplicate key or a malformed
// file panics, which the package test turns into a failure before anything ships.
func mustLoad(fsys fs.FS) map[string]string {
	m, err := load(fsys)
	if err != nil {
		panic(err)
	}
	return m
}

func load(fsys fs.FS) (map[string]string, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make(map[string]string)
	from := make(map[string]string)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("catalog %s: %w", name, err)
		}
		for k, v := range m {
			if prev, dup := from[k]; dup {
				return nil, fmt.Errorf("catalog: key %q defined in both %s and %s", k, prev, name)
			}
			if strings.TrimSpace(v) == "" {
				return nil, fmt.Errorf("catalog %s: key %q is empty", name, k)
			}
			out[k] = strings.TrimRight(v, "\n")
			from[k] = name
		}
	}
	return out, nil
}

// Has reports whether key is defined.
func Has(key string) bool {
	_, ok := texts[key]
	return ok
}

// Keys returns every defined key, sorted.
func Keys() []string {
	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// T returns the sentence for key with its {placeholders} replaced by the values given as
// alternating name, value pairs. Values are formatted with fmt's %v. A placeholder with no
// value is left as it is.
func T(key string, kv ...any) string {
	s, ok := texts[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(kv) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		name := s[i+1 : i+j]
		b.WriteString(s[:i])
		if v, ok := lookup(kv, name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	return b.String()
}

func lookup(kv []any, name string) (string, bool) {
	for i := 0; i+1 < len(kv); i += 2 {
		if k, _ := kv[i].(string); k == name {
			switch v := kv[i+1].(type) {
			case string:
				return v, true
			default:
				return fmt.Sprint(v), true
			}
		}
	}
	return "", false
}
