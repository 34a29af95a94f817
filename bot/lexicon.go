package bot

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// LexiconData is the product vocabulary as the knowledge base supplies it: which categories
// and brands exist, what customers call them, and what their model and serial numbers look
// like. It is plain data; NewLexicon checks it and prepares it for Extract.
type LexiconData struct {
	Categories []CategoryTerms `json:"categories" yaml:"categories"`
	Brands     []BrandTerms    `json:"brands" yaml:"brands"`
	// FaultWords are the editors' words for faults (the rules' trigger keywords): a clause
	// that holds one tells a fault, as the built-in symptom cues do.
	FaultWords []string `json:"fault_words,omitempty" yaml:"fault_words,omitempty"`
}

// CategoryTerms describes one product category.
type CategoryTerms struct {
	ID      string   `json:"id" yaml:"id"`           // stable identifier, e.g. "air_conditioner"
	Name    string   `json:"name" yaml:"name"`       // display name, also matched: "空调"
	Aliases []string `json:"aliases" yaml:"aliases"` // other words for it: "挂机", "柜机"

	// ModelPatterns are RE2 expressions for model numbers of any brand in this category,
	// matched case-insensitively at the start of a Latin token: "KFR-\d{2,3}[A-Z]*".
	ModelPatterns []string `json:"model_patterns" yaml:"model_patterns"`
}

// BrandTerms describes one brand.
type BrandTerms struct {
	Name       string   `json:"name" yaml:"name"`             // canonical name, also matched: "美的"
	Aliases    []string `json:"aliases" yaml:"aliases"`       // "Midea", "midea"
	Categories []string `json:"categories" yaml:"categories"` // category IDs the brand makes

	// ModelPatterns are RE2 expressions for this brand's model numbers, matched like
	// CategoryTerms.ModelPatterns. A match names the brand even when the customer did not.
	ModelPatterns []string `json:"model_patterns" yaml:"model_patterns"`

	// ModelCategories, when set, is the category ID of each of ModelPatterns: a brand that
	// makes several products still says which product a model number is.
	ModelCategories []string `json:"model_categories,omitempty" yaml:"model_categories,omitempty"`

	// SerialPattern is an RE2 expression a serial number of this brand matches as a whole
	// (case-insensitively); empty when serials have no known shape.
	SerialPattern string `json:"serial_pattern" yaml:"serial_pattern"`
}

// Lexicon is LexiconData compiled for Extract: regular expressions compiled once, aliases
// in lookup tables. It is read-only and safe for concurrent use. A nil *Lexicon is valid and
// knows no products.
type Lexicon struct {
	categories []lexCategory
	brands     []lexBrand
	catWords   phraseSet[int] // alias → index into categories
	faultWords *phraseSet[int]
	brandWords phraseSet[int] // alias → index into brands
	catByID    map[string]int
	brandByKey map[string]int // lower-cased name or alias → index into brands
	models     []modelPattern // every pattern: brands' first, then categories'
}

type lexCategory struct {
	id, name string
}

type lexBrand struct {
	name       string
	categories []int
	serial     *regexp.Regexp
}

type modelPattern struct {
	re       *regexp.Regexp
	brand    int // index into brands, or -1 for a category's generic pattern
	category int // index into categories, or -1 when the brand makes several
}

// NewLexicon checks d and compiles it. It fails on a missing or duplicate category ID or
// brand name, an alias claimed by two categories or two brands, a brand naming an unknown
// category, and an invalid pattern; the error names the offending entry.
func NewLexicon(d LexiconData) (*Lexicon, error) {
	lx := &Lexicon{catByID: map[string]int{}, brandByKey: map[string]int{}}
	var errs []error
	catAlias := map[string]string{}
	for i, c := range d.Categories {
		if c.ID == "" {
			errs = append(errs, fmt.Errorf("lexicon: category %d (%q) has no id", i, c.Name))
			continue
		}
		if _, dup := lx.catByID[c.ID]; dup {
			errs = append(errs, fmt.Errorf("lexicon: category %q defined twice", c.ID))
			continue
		}
		idx := len(lx.categories)
		lx.catByID[c.ID] = idx
		lx.categories = append(lx.categories, lexCategory{id: c.ID, name: c.Name})
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			key := asciiLower(strings.TrimSpace(a))
			if key == "" {
				continue
			}
			if other, ok := catAlias[key]; ok && other != c.ID {
				errs = append(errs, fmt.Errorf("lexicon: alias %q of category %q already names category %q", a, c.ID, other))
				continue
			}
			catAlias[key] = c.ID
			lx.catWords.add(key, idx)
		}
	}
	for i, b := range d.Brands {
		name := strings.TrimSpace(b.Name)
		if name == "" {
			errs = append(errs, fmt.Errorf("lexicon: brand %d has no name", i))
			continue
		}
		if _, dup := lx.brandByKey[asciiLower(name)]; dup {
			errs = append(errs, fmt.Errorf("lexicon: brand %q defined twice or an alias of another brand", name))
			continue
		}
		idx := len(lx.brands)
		br := lexBrand{name: name}
		for _, id := range b.Categories {
			ci, ok := lx.catByID[id]
			if !ok {
				errs = append(errs, fmt.Errorf("lexicon: brand %q names unknown category %q", name, id))
				continue
			}
			br.categories = append(br.categories, ci)
		}
		if b.SerialPattern != "" {
			re, err := regexp.Compile(`^(?i:` + b.SerialPattern + `)$`)
			if err != nil {
				errs = append(errs, fmt.Errorf("lexicon: brand %q serial pattern: %w", name, err))
			}
			br.serial = re
		}
		lx.brands = append(lx.brands, br)
		for _, a := range append([]string{name}, b.Aliases...) {
			key := asciiLower(strings.TrimSpace(a))
			if key == "" {
				continue
			}
			if other, ok := lx.brandByKey[key]; ok && other != idx {
				errs = append(errs, fmt.Errorf("lexicon: alias %q of brand %q already names brand %q", a, name, lx.brands[other].name))
				continue
			}
			lx.brandByKey[key] = idx
			lx.brandWords.add(key, idx)
		}
		cat := -1
		if len(br.categories) == 1 {
			cat = br.categories[0]
		}
		for k, p := range b.ModelPatterns {
			re, err := compileModelPattern(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("lexicon: brand %q model pattern %d: %w", name, k, err))
				continue
			}
			pc := cat
			if k < len(b.ModelCategories) {
				if ci, ok := lx.catByID[b.ModelCategories[k]]; ok {
					pc = ci
				} else if b.ModelCategories[k] == "" {
					pc = -1 // a model of a product outside the categories ("PS5" of 索尼)
				}
			}
			lx.models = append(lx.models, modelPattern{re: re, brand: idx, category: pc})
		}
	}
	for _, c := range d.Categories {
		ci, ok := lx.catByID[c.ID]
		if !ok {
			continue
		}
		for k, p := range c.ModelPatterns {
			re, err := compileModelPattern(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("lexicon: category %q model pattern %d: %w", c.ID, k, err))
				continue
			}
			lx.models = append(lx.models, modelPattern{re: re, brand: -1, category: ci})
		}
	}
	if len(d.FaultWords) > 0 {
		lx.faultWords = &phraseSet[int]{}
		for _, w := range d.FaultWords {
			if w = normalizeText(w); utf8.RuneCountInString(w) >= 2 {
				lx.faultWords.add(strings.ToLower(w), 0)
			}
		}
		lx.faultWords.sort()
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	lx.catWords.sort()
	lx.brandWords.sort()
	return lx, nil
}

// compileModelPattern anchors p at the start of the text it is run on and makes it
// case-insensitive and leftmost-longest, so "KFR-35GW/BP" is preferred to "KFR-35GW".
func compileModelPattern(p string) (*regexp.Regexp, error) {
	if strings.TrimSpace(p) == "" {
		return nil, errors.New("empty pattern")
	}
	re, err := regexp.Compile(`^(?i:` + p + `)`)
	if err != nil {
		return nil, err
	}
	re.Longest()
	return re, nil
}

// SerialPattern returns the compiled serial-number pattern of the named brand (its
// canonical name or any alias), or nil when the brand is unknown or has none.
func (lx *Lexicon) SerialPattern(brand string) *regexp.Regexp {
	if lx == nil {
		return nil
	}
	if i, ok := lx.brandByKey[asciiLower(strings.TrimSpace(brand))]; ok {
		return lx.brands[i].serial
	}
	return nil
}

// BrandCategories returns the category IDs the named brand makes, nil when unknown.
func (lx *Lexicon) BrandCategories(brand string) []string {
	if lx == nil {
		return nil
	}
	i, ok := lx.brandByKey[asciiLower(strings.TrimSpace(brand))]
	if !ok {
		return nil
	}
	ids := make([]string, len(lx.brands[i].categories))
	for k, ci := range lx.brands[i].categories {
		ids[k] = lx.categories[ci].id
	}
	return ids
}

// CategoryName returns the display name of a category ID, or "" when unknown.
func (lx *Lexicon) CategoryName(id string) string {
	if lx == nil {
		return ""
	}
	if i, ok := lx.catByID[id]; ok {
		return lx.categories[i].name
	}
	return ""
}

// CategoryNames reports whether word is, whole, the name or one of the aliases of the
// category id: "空气炸锅" names rice_cooker when the editors listed it there.
func (lx *Lexicon) CategoryNames(id, word string) bool {
	if lx == nil || word == "" {
		return false
	}
	ci, end, ok := lx.catWords.at(word, 0)
	return ok && end == len(word) && lx.categories[ci].id == id
}

// CategoryNamesAll returns the display names of every category, in the lexicon's order.
func (lx *Lexicon) CategoryNamesAll() []string {
	if lx == nil {
		return nil
	}
	out := make([]string, len(lx.categories))
	for i, c := range lx.categories {
		out[i] = c.name
	}
	return out
}

// NamesBrand reports whether text writes brand, or one of its aliases, itself, rather than
// only a model whose shape suggests it ("德施曼 Q5M" names no 小天才).
func (lx *Lexicon) NamesBrand(text, brand string) bool {
	s := newExtraction(text).s
	for i := 0; i < len(s); i += runeLen(s, i) {
		if b, _, ok := lx.brandWords.at(s, i); ok && lx.brands[b].name == brand {
			return true
		}
	}
	return false
}
