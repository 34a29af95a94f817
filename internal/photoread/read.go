package photoread

import (
	"context"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/bot"
)

// Limits bound one read.
type Limits struct {
	MaxBytes  int64 // the file; media.MaxBytes when 0
	MaxPixels int   // width × height as decoded; 24 megapixels when 0
	MaxSide   int   // the longer side is scaled down to this before reading; 2000 when 0
	OCRJobs   int   // tesseract processes at once on this instance; half the CPUs (1+) when 0
}

// Reader reads photos. It is safe for concurrent use.
type Reader struct {
	OCR    Tesseract // Path "" means barcodes only
	limits Limits
	sem    chan struct{}
}

// New returns a Reader with ocr (zero: barcodes only) and limits (zero fields take the
// defaults).
func New(ocr Tesseract, l Limits) *Reader {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 2 << 20
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = 24_000_000
	}
	if l.MaxSide <= 0 {
		l.MaxSide = 2000
	}
	if l.OCRJobs <= 0 {
		l.OCRJobs = max(1, runtime.NumCPU()/2)
	}
	return &Reader{OCR: ocr, limits: l, sem: make(chan struct{}, l.OCRJobs)}
}

// HasOCR reports whether the reader reads text as well as codes.
func (r *Reader) HasOCR() bool { return r.OCR.Path != "" }

// Read returns the codes and the text in the photo data. Codes are read first; text is
// read when tesseract is there, waiting for a free OCR slot no longer than ctx allows.
// An error means nothing could be read at all (not an image, too large); a photo that
// shows nothing readable is a PhotoText with no codes and no text.
func (r *Reader) Read(ctx context.Context, data []byte) (bot.PhotoText, error) {
	img, err := decode(data, r.limits.MaxBytes, r.limits.MaxPixels)
	if err != nil {
		return bot.PhotoText{}, err
	}
	g := gray(img, r.limits.MaxSide)
	out := bot.PhotoText{Codes: codes(g)}
	if !r.HasOCR() {
		return out, nil
	}
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		return out, ctx.Err()
	}
	defer func() { <-r.sem }()
	text, err := r.OCR.Text(ctx, upscale(deskew(g), 900))
	if err != nil {
		return out, err
	}
	out.OCR = true
	out.Lines = cleanLines(text)
	return out, nil
}

// cleanLines splits tesseract's output into its non-empty lines and closes the spaces
// it puts between Chinese characters ("型 号 ： KFR" → "型号：KFR").
func cleanLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(closeHanSpaces(l))
		if l != "" && strings.ContainsFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			out = append(out, l)
		}
	}
	return out
}

// closeHanSpaces drops a space between two characters when either is Chinese or
// full-width punctuation.
func closeHanSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if wide(prev) || wide(next) {
				i = j
				continue
			}
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0xff00 && r <= 0xffef || r >= 0x3000 && r <= 0x303f
}

// Timed is Read with its duration, for the evaluation.
func (r *Reader) Timed(ctx context.Context, data []byte) (bot.PhotoText, time.Duration, error) {
	start := time.Now()
	p, err := r.Read(ctx, data)
	return p, time.Since(start), err
}
