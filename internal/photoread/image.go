package photoread

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // decoders of the types media.Allowed keeps
	_ "image/jpeg"
	_ "image/png"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/webp"
)

// Errors of a photo that is not read at all.
var (
	ErrTooLarge   = errors.New("photoread: photo too large") // size or pixel limits
	ErrUnreadable = errors.New("photoread: not an image")    // no decoder takes it
)

// decode decodes data after checking its header's dimensions against maxPixels, so a
// small file that claims a huge image never allocates it.
func decode(data []byte, maxBytes int64, maxPixels int) (image.Image, error) {
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, len(data))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels", ErrTooLarge, cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	return img, nil
}

// gray returns img in grey levels, scaled so its longer side is at most maxSide.
func gray(img image.Image, maxSide int) *image.Gray {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > maxSide {
		w, h = w*maxSide/long, h*maxSide/long
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	if w == b.Dx() && h == b.Dy() {
		xdraw.Draw(out, out.Bounds(), img, b.Min, xdraw.Src)
		return out
	}
	xdraw.ApproxBiLinear.Scale(out, out.Bounds(), img, b, xdraw.Src, nil)
	return out
}

// upscale doubles a small image for OCR: Tesseract reads glyphs best 20–40 px high, and
// a screenshot scaled down by WeChat has smaller ones.
func upscale(g *image.Gray, minSide int) *image.Gray {
	b := g.Bounds()
	if min(b.Dx(), b.Dy()) >= minSide {
		return g
	}
	out := image.NewGray(image.Rect(0, 0, b.Dx()*2, b.Dy()*2))
	xdraw.CatmullRom.Scale(out, out.Bounds(), g, b, xdraw.Src, nil)
	return out
}

// rotate returns g turned by deg degrees about its centre on a white canvas large enough
// to hold it.
func rotate(g *image.Gray, deg float64) *image.Gray {
	rad := deg * math.Pi / 180
	sin, cos := math.Sin(rad), math.Cos(rad)
	b := g.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	nw := int(math.Ceil(math.Abs(w*cos) + math.Abs(h*sin)))
	nh := int(math.Ceil(math.Abs(w*sin) + math.Abs(h*cos)))
	out := image.NewGray(image.Rect(0, 0, nw, nh))
	for i := range out.Pix {
		out.Pix[i] = 0xff
	}
	// dst = T(nw/2,nh/2) · R · T(-w/2,-h/2) · src
	cx, cy := w/2, h/2
	ncx, ncy := float64(nw)/2, float64(nh)/2
	m := f64.Aff3{
		cos, -sin, ncx - cos*cx + sin*cy,
		sin, cos, ncy - sin*cx - cos*cy,
	}
	xdraw.BiLinear.Transform(out, m, g, b, xdraw.Over, nil)
	return out
}

// deskew turns g upright when its text lines are tilted by up to 15°: Tesseract reads a
// tilted line badly or not at all. The angle is the one whose horizontal projection of
// dark pixels is most uneven (lines and gaps), measured on a small copy.
func deskew(g *image.Gray) *image.Gray {
	small := gray(g, 500)
	best, bestScore := 0.0, -1.0
	for deg := -15.0; deg <= 15; deg += 1 {
		if s := projectionScore(rotate(small, deg)); s > bestScore {
			best, bestScore = deg, s
		}
	}
	for _, deg := range []float64{best - 0.5, best + 0.5} {
		if s := projectionScore(rotate(small, deg)); s > bestScore {
			best, bestScore = deg, s
		}
	}
	if math.Abs(best) < 0.5 {
		return g
	}
	return rotate(g, best)
}

// projectionScore is the sum of squared differences between neighbouring rows' counts of
// dark pixels: high when rows alternate between text and paper.
func projectionScore(g *image.Gray) float64 {
	b := g.Bounds()
	var sum, n int
	for _, p := range g.Pix {
		sum += int(p)
		n++
	}
	if n == 0 {
		return 0
	}
	threshold := uint8(sum / n * 3 / 4)
	prev, score := -1, 0.0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := g.Pix[(y-b.Min.Y)*g.Stride : (y-b.Min.Y)*g.Stride+b.Dx()]
		dark := 0
		for _, p := range row {
			if p < threshold {
				dark++
			}
		}
		if prev >= 0 {
			d := float64(dark - prev)
			score += d * d
		}
		prev = dark
	}
	return score
}
