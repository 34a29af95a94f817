package knowledge

import (
	"bytes"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// ErrNoFAQ: no FAQ entry has the id.
var ErrNoFAQ = errors.New("knowledge: no such FAQ entry")

// FAQFile is the file new FAQ entries are written to.
const FAQFile = "faq.yaml"

// PutFAQ returns files with the FAQ entry e written in place of the entry replaceID (in
// whichever file holds it), or appended to FAQFile when replaceID is "". Other entries,
// rules and comments of the file are kept. A replaceID no file holds is ErrNoFAQ.
func PutFAQ(files map[string][]byte, replaceID string, e FAQ) (map[string][]byte, error) {
	var item yaml.Node
	if err := item.Encode(e); err != nil {
		return nil, err
	}
	name := FAQFile
	if replaceID != "" {
		n, ok := faqFileOf(files, replaceID)
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrNoFAQ, replaceID)
		}
		name = n
	}
	return editFAQList(files, name, func(list *yaml.Node) error {
		if replaceID == "" {
			list.Content = append(list.Content, &item)
			return nil
		}
		i := faqIndexIn(list, replaceID)
		if i < 0 {
			return fmt.Errorf("%w: %s", ErrNoFAQ, replaceID)
		}
		list.Content[i] = &item
		return nil
	})
}

// DeleteFAQ returns files without the FAQ entry id; ErrNoFAQ when no file holds it.
func DeleteFAQ(files map[string][]byte, id string) (map[string][]byte, error) {
	name, ok := faqFileOf(files, id)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoFAQ, id)
	}
	return editFAQList(files, name, func(list *yaml.Node) error {
		i := faqIndexIn(list, id)
		list.Content = append(list.Content[:i], list.Content[i+1:]...)
		return nil
	})
}

// faqFileOf finds the file whose faq: list holds the id.
func faqFileOf(files map[string][]byte, id string) (string, bool) {
	for name, b := range files {
		var doc struct {
			FAQ []struct {
				ID string `yaml:"id"`
			} `yaml:"faq"`
		}
		if yaml.Unmarshal(b, &doc) != nil {
			continue
		}
		for _, f := range doc.FAQ {
			if f.ID == id {
				return name, true
			}
		}
	}
	return "", false
}

// faqIndexIn is the index of the entry id in a faq: sequence node, or -1.
func faqIndexIn(list *yaml.Node, id string) int {
	for i, it := range list.Content {
		for j := 0; j+1 < len(it.Content); j += 2 {
			if it.Content[j].Value == "id" && it.Content[j+1].Value == id {
				return i
			}
		}
	}
	return -1
}

// editFAQList edits the faq: list of one file (created, with the list, when missing) and
// returns a copy of files with the file re-encoded.
func editFAQList(files map[string][]byte, name string, edit func(list *yaml.Node) error) (map[string][]byte, error) {
	var doc yaml.Node
	if b := files[name]; len(bytes.TrimSpace(b)) > 0 {
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return nil, err
		}
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("knowledge: %s is not a mapping", name)
	}
	var list *yaml.Node
	for j := 0; j+1 < len(root.Content); j += 2 {
		if root.Content[j].Value == "faq" {
			list = root.Content[j+1]
		}
	}
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "faq"}, list)
	}
	if list.Kind != yaml.SequenceNode {
		list.Kind, list.Tag, list.Value, list.Content = yaml.SequenceNode, "", "", nil // "faq:" with no entries
	}
	if err := edit(list); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(files)+1)
	for k, v := range files {
		out[k] = v
	}
	out[name] = buf.Bytes()
	return out, nil
}
