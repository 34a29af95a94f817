package knowledge

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Set is a whole published knowledge base: the categories and the rules, as parsed from
// one set of YAML files.
type Set struct {
	// Version labels the set (a revision number from storage, or "shipped").
	Version string
	// Hash is the hex SHA-256 of the source files (names and contents), so two sets from
	// the same files have the same hash.
	Hash string
	// Categories are the product categories, in file order.
	Categories []Category
	// Rules are the rules of every rule file, files in name order.
	Rules []Rule
	// FAQ are the FAQ entries of every file, files in name order (see FAQ).
	FAQ []FAQ
	// Brands are brands of products outside the categories (大疆, 任天堂, 戴森…), known so
	// that a customer who names one is understood; a category's brands are listed under it.
	Brands []Brand

	files   map[string][]byte
	decoded map[string]decodedFile // each file as decoded, for ParseReusing
	cats    []field                // where each category was read; empty for a set built in code
	rules   []field                // where each rule was read; empty for a set built in code
	faqs    []field                // where each FAQ entry was read; empty for a set built in code
	brands  []field                // where each brand of Brands was read; empty for a set built in code

	index *ruleIndex // rule id → index in Rules, for Rule; nil for a set built in code
}

// ruleIndex finds rules by id; built once, on first use, shared by copies of the set (a
// copy whose rules changed falls back to scanning: Rule checks what it finds).
type ruleIndex struct {
	once     sync.Once
	byID     map[string]int
	rulesOf  *Rule // the first rule and the length of the slice byID was built from
	rulesLen int

	faqOnce sync.Once
	faq     []faqPrepared // the FAQ entries prepared for RankFAQ (preparedFAQ)
	faqOf   *FAQ          // the first entry they were prepared from
}

// fileDoc is the shape of every knowledge YAML file.
type fileDoc struct {
	Categories []Category `yaml:"categories"`
	Rules      []Rule     `yaml:"rules"`
	FAQ        []FAQ      `yaml:"faq"`
	Brands     []Brand    `yaml:"brands"`
}

// Category returns the category with the id, or nil.
func (s *Set) Category(id string) *Category {
	for i := range s.Categories {
		if s.Categories[i].ID == id {
			return &s.Categories[i]
		}
	}
	return nil
}

// Rule returns the rule with the id, or nil. A set is read on every turn: the index by id
// is built once, on first use.
func (s *Set) Rule(id string) *Rule {
	if id == "" || len(s.Rules) == 0 {
		return nil // no rule has an empty id (Validate)
	}
	if x := s.index; x != nil {
		x.once.Do(func() {
			x.byID = make(map[string]int, len(s.Rules))
			for i := range s.Rules {
				if _, dup := x.byID[s.Rules[i].ID]; !dup {
					x.byID[s.Rules[i].ID] = i
				}
			}
			x.rulesOf, x.rulesLen = &s.Rules[0], len(s.Rules)
		})
		i, ok := x.byID[id]
		if ok && i < len(s.Rules) && s.Rules[i].ID == id {
			return &s.Rules[i]
		}
		if !ok && x.rulesOf == &s.Rules[0] && x.rulesLen == len(s.Rules) {
			return nil // the index was built from these very rules: no such id, no scan of 10,000
		}
	}
	for i := range s.Rules {
		if s.Rules[i].ID == id {
			return &s.Rules[i]
		}
	}
	return nil
}

// Files returns a copy of the YAML source files the set was parsed from, keyed by path.
func (s *Set) Files() map[string][]byte {
	out := make(map[string][]byte, len(s.files))
	for name, b := range s.files {
		out[name] = bytes.Clone(b)
	}
	return out
}

// Parse reads a set from YAML files keyed by their path inside the knowledge directory
// ("categories.yaml", "rules/air_conditioner.yaml"). Files not ending in .yaml or .yml are
// ignored. Every file may hold a "categories:" list, a "rules:" list or both. Parse reports
// syntax errors, unknown fields and wrong types of every file at once, as a
// *ValidationError; it does not check the content (see Validate).
func Parse(files map[string][]byte) (*Set, error) { return ParseReusing(files) }

// decodedFile is one YAML file decoded: read-only once a set holds it, since sets copy
// the categories and rules out of it and later sets may share it.
type decodedFile struct {
	root field
	doc  fileDoc
}

// ParseReusing is Parse, taking each file whose bytes are unchanged in one of prev as
// prev decoded it instead of decoding it again: a publish usually changes one file of
// many, and decoding YAML is most of what loading a revision costs.
func ParseReusing(files map[string][]byte, prev ...*Set) (*Set, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		if ext := path.Ext(name); ext == ".yaml" || ext == ".yml" {
			names = append(names, name)
		}
	}
	slices.Sort(names)

	s := &Set{files: make(map[string][]byte, len(names)), decoded: make(map[string]decodedFile, len(names)), index: &ruleIndex{}}
	h := sha256.New()
	var ps problems
	for _, name := range names {
		b := files[name]
		s.files[name] = b
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})

		d, ok := reuse(prev, name, b)
		if !ok {
			root, doc, fps := decodeFile(name, b)
			if len(fps) > 0 {
				ps = append(ps, fps...)
				continue
			}
			d = decodedFile{root: root, doc: doc}
		}
		s.decoded[name] = d
		root, doc := d.root, d.doc
		cats := root.key("categories")
		for i, c := range doc.Categories {
			s.Categories = append(s.Categories, c)
			s.cats = append(s.cats, cats.index(i))
		}
		rules := root.key("rules")
		for i, r := range doc.Rules {
			s.Rules = append(s.Rules, r)
			s.rules = append(s.rules, rules.index(i))
		}
		faqs := root.key("faq")
		for i, f := range doc.FAQ {
			s.FAQ = append(s.FAQ, f)
			s.faqs = append(s.faqs, faqs.index(i))
		}
		brands := root.key("brands")
		for i, b := range doc.Brands {
			s.Brands = append(s.Brands, b)
			s.brands = append(s.brands, brands.index(i))
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.Hash = hex.EncodeToString(h.Sum(nil))
	return s, nil
}

// decodeFile decodes one knowledge file strictly (unknown fields are errors) and returns
// its root position for locating fields later.
// reuse finds file name with exactly the bytes b decoded in one of prev.
func reuse(prev []*Set, name string, b []byte) (decodedFile, bool) {
	for _, p := range prev {
		if p == nil {
			continue
		}
		if d, ok := p.decoded[name]; ok && bytes.Equal(p.files[name], b) {
			return d, true
		}
	}
	return decodedFile{}, false
}

func decodeFile(name string, b []byte) (field, fileDoc, problems) {
	var doc fileDoc
	var node yaml.Node
	root := field{file: name, at: 1}
	if err := yaml.Unmarshal(b, &node); err != nil {
		return root, doc, yamlProblems(name, err)
	}
	if len(node.Content) > 0 {
		root.tree = newPosTree(node.Content[0])
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return root, doc, yamlProblems(name, err)
	}
	packStrings(&doc, new(strArena)) // a set lives long: its strings in a few blocks
	return root, doc, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlProblems turns a yaml.v3 error (a syntax error or a *yaml.TypeError listing every
// decoding error) into located problems.
func yamlProblems(file string, err error) problems {
	code, msgs := "syntax", []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		code, msgs = "decode", te.Errors
	}
	var ps problems
	for _, msg := range msgs {
		p := Problem{File: file, Code: code}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		p.Args = []any{"detail", strings.TrimPrefix(msg, "yaml: ")}
		ps = append(ps, p)
	}
	return ps
}

// ParseFS parses every .yaml/.yml file under the root of fsys (recursively), as Parse.
func ParseFS(fsys fs.FS) (*Set, error) {
	files := make(map[string][]byte)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(name); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		files[name] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	return Parse(files)
}

//go:embed data
var shipped embed.FS

// ShippedFS is the knowledge directory embedded in the binary (the data/ directory of
// this package), rooted so that paths read "rules/air_conditioner.yaml".
func ShippedFS() fs.FS {
	sub, err := fs.Sub(shipped, "data")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

var loadShipped = sync.OnceValues(func() (*Set, error) {
	s, err := ParseFS(ShippedFS())
	if err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s.Version = "shipped"
	return s, nil
})

// Shipped returns the knowledge embedded in the binary, parsed and validated once. Callers
// must not modify the returned set.
func Shipped() (*Set, error) { return loadShipped() }
