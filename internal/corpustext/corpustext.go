// Package corpustext reads the customer messages that tests check the text machinery
// against: the labelled corpus (corpus/*.jsonl) and, when asked, the customer lines of the
// golden transcripts (bot/testdata/*/*.txt). Tests only; nothing in the service reads it.
package corpustext

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Corpus returns the text of every row of root/corpus/*.jsonl (every message of a scripted
// conversation), in file order; root is the
// repository's root as seen from the calling test's package ("..", "../..").
func Corpus(root string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "corpus", "*.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var row struct {
				Text  string
				Turns []string // conversations.jsonl: a customer's messages in order
			}
			if json.Unmarshal(sc.Bytes(), &row) == nil && row.Text != "" {
				out = append(out, row.Text)
			}
			out = append(out, row.Turns...)
		}
		err = sc.Err()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("corpustext: %s: %w", f, err)
		}
	}
	return out, nil
}

// Messages is Corpus followed by the customer lines ("> …") of the golden transcripts.
func Messages(root string) ([]string, error) {
	out, err := Corpus(root)
	if err != nil {
		return nil, err
	}
	goldens, err := filepath.Glob(filepath.Join(root, "bot", "testdata", "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	for _, f := range goldens {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(line, "> "); ok {
				out = append(out, s)
			}
		}
	}
	return out, nil
}
