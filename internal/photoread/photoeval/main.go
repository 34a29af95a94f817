// Command photoeval measures how well photos are read: per kind of photo, the share whose
// facts are all read right, the share with a fact read wrong (offered, so the customer's
// 不对 must catch it), and the time a read takes.
//
//	go run ./internal/photoread/photoeval            # 10 photos of each kind
//	go run ./internal/photoread/photoeval -n 30 -ocr=false
//	go run ./internal/photoread/photoeval -photos ~/held-out   # real photos: what each one gives
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/photoread"
	"github.com/wxintake/intake/internal/photoread/phototest"
	"github.com/wxintake/intake/knowledge"
)

func main() {
	n := flag.Int("n", 10, "photos of each kind")
	useOCR := flag.Bool("ocr", true, "read text with tesseract (false: barcodes only)")
	dir := flag.String("photos", "", "read the photos in this directory instead, printing what each gives")
	flag.Parse()
	run := run
	if *dir != "" {
		run = func(_ int, useOCR bool) error { return readDir(*dir, useOCR) }
	}
	if err := run(*n, *useOCR); err != nil {
		fmt.Fprintln(os.Stderr, "photoeval:", err)
		os.Exit(1)
	}
}

// readDir prints what each photo in dir gives: codes, text lines, the facts and the time.
func readDir(dir string, useOCR bool) error {
	r, lx, err := setup(useOCR)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		p, took, err := r.Timed(context.Background(), data)
		got := bot.ReadPhoto(lx, "", p)
		fmt.Printf("%s (%s)\n  codes %v\n  lines %q\n  facts %+v", e.Name(), took.Round(time.Millisecond), p.Codes, p.Lines, got)
		if err != nil {
			fmt.Printf("\n  error %v", err)
		}
		fmt.Print("\n\n")
	}
	return nil
}

// setup returns the reader and the shipped knowledge's lexicon.
func setup(useOCR bool) (*photoread.Reader, *bot.Lexicon, error) {
	var ocr photoread.Tesseract
	if useOCR {
		var err error
		if ocr, err = photoread.FindTesseract(); err != nil {
			return nil, nil, err
		}
	}
	set, err := knowledge.Shipped()
	if err != nil {
		return nil, nil, err
	}
	kb, err := bot.NewKnowledgeBase(set)
	if err != nil {
		return nil, nil, err
	}
	return photoread.New(ocr, photoread.Limits{OCRJobs: 1}), kb.Lexicon(), nil
}

type tally struct {
	n, right, wrong int
	times           []time.Duration
}

func run(n int, useOCR bool) error {
	f, err := phototest.Font()
	if err != nil {
		return err
	}
	r, lx, err := setup(useOCR)
	if err != nil {
		return err
	}
	by := map[string]*tally{}
	var kinds []string
	for _, c := range phototest.EvalSet(f, n) {
		t := by[c.Kind]
		if t == nil {
			t = &tally{}
			by[c.Kind] = t
			kinds = append(kinds, c.Kind)
		}
		p, took, err := r.Timed(context.Background(), c.Photo)
		got := bot.ReadPhoto(lx, c.Brand, p)
		t.n++
		t.times = append(t.times, took)
		switch {
		case err == nil && c.Want.Matches(got):
			t.right++
		case wrong(c.Want, got):
			t.wrong++
		}
	}
	fmt.Printf("tesseract: %v   photos of each kind: %d   one OCR process at a time\n\n", useOCR, n)
	fmt.Printf("%-14s %5s %9s %9s %9s %9s\n", "kind", "n", "read", "wrong", "p50", "max")
	for _, k := range kinds {
		t := by[k]
		slices.Sort(t.times)
		fmt.Printf("%-14s %5d %8.0f%% %8.0f%% %9s %9s\n", k, t.n, 100*float64(t.right)/float64(t.n),
			100*float64(t.wrong)/float64(t.n), t.times[len(t.times)/2].Round(time.Millisecond), t.times[len(t.times)-1].Round(time.Millisecond))
	}
	return nil
}

// wrong reports whether got holds a fact that differs from the wanted one (not merely
// missing).
func wrong(w phototest.Want, got bot.PhotoReading) bool {
	return w.Model != "" && got.Model != "" && got.Model != w.Model ||
		w.Serial != "" && got.Serial != "" && got.Serial != w.Serial ||
		!w.Made.IsZero() && !got.Made.IsZero() && got.Made != w.Made ||
		!w.Bought.IsZero() && !got.Bought.IsZero() && got.Bought != w.Bought ||
		w.Channel != "" && got.Channel != "" && got.Channel != w.Channel
}
