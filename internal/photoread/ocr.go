package photoread

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"strings"
	"time"
)

// Tesseract runs Debian's tesseract command line. A separate process rather than a cgo
// binding: the build stays pure Go (no libtesseract headers, cross-compiling works), and a
// crashed or hung OCR is a process the timeout kills, its memory returned to the system,
// instead of a stuck goroutine or a crash of the service.
type Tesseract struct {
	Path    string        // the executable; "" means no OCR
	Langs   string        // "chi_sim+eng"
	Timeout time.Duration // per run
}

// FindTesseract returns the tesseract on PATH with the languages read (chi_sim and eng),
// or an error saying what is missing.
func FindTesseract() (Tesseract, error) {
	path, err := exec.LookPath("tesseract")
	if err != nil {
		return Tesseract{}, errors.New("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
	if err != nil {
		return Tesseract{}, fmt.Errorf("tesseract --list-langs: %w", err)
	}
	have := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		have[l] = true
	}
	if !have["chi_sim"] {
		return Tesseract{}, errors.New("tesseract has no chi_sim data (apt-get install tesseract-ocr-chi-sim)")
	}
	return Tesseract{Path: path, Langs: "chi_sim+eng", Timeout: 10 * time.Second}, nil
}

// ErrOCRTimeout means tesseract was killed at its timeout.
var ErrOCRTimeout = errors.New("photoread: OCR timed out")

// Text returns the text tesseract reads in g, one line per printed line.
func (t Tesseract) Text(ctx context.Context, g *image.Gray) (string, error) {
	if t.Path == "" {
		return "", errors.New("photoread: no tesseract")
	}
	var in bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&in, g); err != nil {
		return "", err
	}
	timeout := t.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// --psm 3: find the blocks of a page (a screenshot has several); one thread per
	// process, so the semaphore alone bounds the CPU taken.
	cmd := exec.CommandContext(ctx, t.Path, "stdin", "stdout", "-l", t.Langs, "--psm", "3")
	cmd.Env = []string{"OMP_THREAD_LIMIT=1", "PATH=/usr/bin:/bin"}
	cmd.Stdin = &in
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return "", ErrOCRTimeout
	}
	if err != nil {
		return "", fmt.Errorf("photoread: tesseract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out.String(), nil
}
