package photoread_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/photoread"
	"github.com/wxintake/intake/internal/photoread/phototest"
	"github.com/wxintake/intake/knowledge"
	"golang.org/x/image/font/sfnt"
)

// requireTesseract returns the installed tesseract. Under CI=true a missing one fails the
// test, as a missing server does (testenv.RequireService): ./scripts/test.sh installs it.
func requireTesseract(t testing.TB) photoread.Tesseract {
	t.Helper()
	ocr, err := photoread.FindTesseract()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v: CI must run the tests through ./scripts/test.sh", err)
		}
		t.Skip(err)
	}
	return ocr
}

// requireFont returns the Chinese font the test photos are drawn with, failing under CI.
func requireFont(t testing.TB) *sfnt.Font {
	t.Helper()
	f, err := phototest.Font()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return f
}

func shippedLexicon(t testing.TB) *bot.Lexicon {
	t.Helper()
	set, err := knowledge.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	kb, err := bot.NewKnowledgeBase(set)
	if err != nil {
		t.Fatal(err)
	}
	return kb.Lexicon()
}

// A Midea serial of the shipped pattern (22 letters and digits).
const serial = "3400B8N2K7A15G0012345Z"

// Each kind of photo, drawn, turned and compressed like a phone photo, gives its facts.
func TestReadKinds(t *testing.T) {
	f := requireFont(t)
	r := photoread.New(requireTesseract(t), photoread.Limits{})
	lx := shippedLexicon(t)
	for _, tc := range phototest.Cases(f) {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			p, err := r.Read(context.Background(), tc.Photo)
			if err != nil {
				t.Fatal(err)
			}
			got := bot.ReadPhoto(lx, tc.Brand, p)
			switch {
			case tc.Want.Matches(got) && tc.Miss != "":
				t.Logf("read although known to miss (%s): %+v", tc.Miss, got)
			case tc.Want.Matches(got):
			case tc.Miss != "":
				t.Logf("known miss (%s): read %+v from %q", tc.Miss, got, p.Lines)
			default:
				t.Errorf("read %+v\n from %+v\n want %+v", got, p, tc.Want)
			}
		})
	}
}

// Without tesseract the codes are still read.
func TestBarcodesWithoutOCR(t *testing.T) {
	f := requireFont(t)
	r := photoread.New(photoread.Tesseract{}, photoread.Limits{})
	if r.HasOCR() {
		t.Fatal("HasOCR with no tesseract")
	}
	p, err := r.Read(context.Background(), phototest.Phone(phototest.SerialSticker(f, serial), 18, 70))
	if err != nil || p.OCR || len(p.Codes) != 1 || p.Codes[0].Text != serial {
		t.Fatalf("%+v %v", p, err)
	}
}

// A file over the size limit, or an image over the pixel limit (checked from its header,
// before decoding), is not read; nor is a file that is no image.
func TestLimits(t *testing.T) {
	r := photoread.New(photoread.Tesseract{}, photoread.Limits{MaxBytes: 1000, MaxPixels: 100 * 100})
	ctx := context.Background()
	if _, err := r.Read(ctx, make([]byte, 1001)); !errors.Is(err, photoread.ErrTooLarge) {
		t.Errorf("big file: %v", err)
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 101, 100)))
	if _, err := r.Read(ctx, buf.Bytes()); !errors.Is(err, photoread.ErrTooLarge) {
		t.Errorf("big image: %v", err)
	}
	if _, err := r.Read(ctx, []byte("<svg></svg>")); !errors.Is(err, photoread.ErrUnreadable) {
		t.Errorf("not an image: %v", err)
	}
}

// fakeTesseract writes a tesseract stand-in that sleeps, recording how many run at once.
func fakeTesseract(t *testing.T, sleep string) (photoread.Tesseract, string) {
	dir := t.TempDir()
	script := filepath.Join(dir, "tesseract")
	log := filepath.Join(dir, "runs")
	body := "#!/bin/sh\necho start >> " + log + "\nsleep " + sleep + "\necho end >> " + log + "\necho 型号：KFR-35GW/N8MXA3\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return photoread.Tesseract{Path: script, Langs: "chi_sim+eng", Timeout: 5 * time.Second}, log
}

// A hung OCR is killed at its timeout; the codes read before still count.
func TestOCRTimeout(t *testing.T) {
	f := requireFont(t)
	ocr, _ := fakeTesseract(t, "30")
	ocr.Timeout = 300 * time.Millisecond
	r := photoread.New(ocr, photoread.Limits{})
	start := time.Now()
	p, err := r.Read(context.Background(), phototest.Phone(phototest.SerialSticker(f, serial), 0, 80))
	if !errors.Is(err, photoread.ErrOCRTimeout) || time.Since(start) > 5*time.Second {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
	if len(p.Codes) != 1 || p.OCR {
		t.Errorf("codes lost: %+v", p)
	}
}

// No more OCR processes run at once than OCRJobs.
func TestOCRJobsBounded(t *testing.T) {
	ocr, log := fakeTesseract(t, "0.2")
	r := photoread.New(ocr, photoread.Limits{OCRJobs: 2})
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 50, 50)))
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if p, err := r.Read(context.Background(), buf.Bytes()); err != nil || len(p.Lines) != 1 {
				t.Errorf("%+v %v", p, err)
			}
		})
	}
	wg.Wait()
	b, _ := os.ReadFile(log)
	running, most := 0, 0
	for _, l := range bytes.Fields(b) {
		if string(l) == "start" {
			running++
		} else {
			running--
		}
		most = max(most, running)
	}
	if most != 2 {
		t.Errorf("%d OCR processes at once; want 2", most)
	}
}
