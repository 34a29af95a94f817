// Package phototest draws the photos customers send, for tests and the evaluation: serial
// stickers with a Code 128 barcode, QR and DataMatrix stickers, EAN box labels, nameplates
// and order screenshots rendered with a Chinese font found on the machine, then turned and
// JPEG-compressed the way a phone photo is.
package phototest

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/f64"
	"golang.org/x/image/math/fixed"
)

// FontPaths are the Chinese fonts looked for: Debian's fonts-droid-fallback (which
// ./scripts/test.sh installs), fonts-wqy-microhei, fonts-noto-cjk. The browser tests'
// wqy-zenhei carries bitmap strikes x/image/font/sfnt does not parse.
var FontPaths = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
}

// ErrNoFont means no Chinese font is installed.
var ErrNoFont = errors.New("phototest: no Chinese font (apt-get install fonts-droid-fallback)")

// Font returns the first Chinese font found.
func Font() (*sfnt.Font, error) {
	for _, p := range FontPaths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		c, err := opentype.ParseCollection(b)
		if err != nil {
			continue
		}
		if f, err := c.Font(0); err == nil {
			return f, nil
		}
	}
	return nil, ErrNoFont
}

// Canvas is an image being drawn.
type Canvas struct {
	*image.RGBA
	font     *sfnt.Font
	hasLatin bool // the font maps digits and letters itself
}

// NewCanvas returns a w×h canvas filled with bg.
func NewCanvas(f *sfnt.Font, w, h int, bg color.Color) *Canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	var buf sfnt.Buffer
	i, err := f.GlyphIndex(&buf, '7')
	return &Canvas{RGBA: img, font: f, hasLatin: err == nil && i != 0}
}

// latin is Go's own sans-serif, for the letters and digits the Chinese fonts' collections
// do not map for x/image.
var latin, _ = opentype.Parse(goregular.TTF)

// Text draws s with its baseline at (x, y), size px high: Latin letters, digits and ASCII
// punctuation in Go's font, the rest in the Chinese one.
func (c *Canvas) Text(x, y int, size float64, col color.Color, s string) {
	opts := &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull}
	han, err := opentype.NewFace(c.font, opts)
	if err != nil {
		panic(err)
	}
	defer han.Close()
	lat, err := opentype.NewFace(latin, opts)
	if err != nil {
		panic(err)
	}
	defer lat.Close()
	d := font.Drawer{Dst: c.RGBA, Src: image.NewUniform(col), Dot: fixed.P(x, y)}
	for _, r := range s {
		d.Face = han
		if (r < 0x80 || r == '¥') && !c.hasLatin {
			d.Face = lat
		}
		d.DrawString(string(r))
	}
}

// Fill paints r with col.
func (c *Canvas) Fill(r image.Rectangle, col color.Color) {
	draw.Draw(c.RGBA, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// Code draws a barcode of format with contents, w×h, at (x, y).
func (c *Canvas) Code(x, y, w, h int, format gozxing.BarcodeFormat, contents string) error {
	var writer gozxing.Writer
	switch format {
	case gozxing.BarcodeFormat_CODE_128:
		writer = oned.NewCode128Writer()
	case gozxing.BarcodeFormat_EAN_13:
		writer = oned.NewEAN13Writer()
	case gozxing.BarcodeFormat_QR_CODE:
		writer = qrcode.NewQRCodeWriter()
	case gozxing.BarcodeFormat_DATA_MATRIX:
		writer = datamatrix.NewDataMatrixWriter()
	default:
		return errors.New("phototest: no writer for " + format.String())
	}
	m, err := writer.Encode(contents, format, w, h, nil)
	if err != nil {
		return err
	}
	mw, mh := m.GetWidth(), m.GetHeight()
	// Scale the matrix to w×h (a DataMatrix writer returns its modules unscaled).
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			if m.Get(px*mw/w, py*mh/h) {
				c.Set(x+px, y+py, color.Black)
			} else {
				c.Set(x+px, y+py, color.White)
			}
		}
	}
	return nil
}

// Phone returns img as a phone photo sent by WeChat: scaled to about 1200 pixels on its
// longer side, turned by deg on a grey background, blurred a little by scaling down and
// up, and JPEG-compressed at quality.
func Phone(img image.Image, deg float64, quality int) []byte {
	// WeChat sends a photo (not 原图) at about 1280 pixels on its longer side.
	if b := img.Bounds(); max(b.Dx(), b.Dy()) < 1100 {
		k := 1200.0 / float64(max(b.Dx(), b.Dy()))
		big := image.NewRGBA(image.Rect(0, 0, int(float64(b.Dx())*k), int(float64(b.Dy())*k)))
		xdraw.CatmullRom.Scale(big, big.Bounds(), img, b, xdraw.Src, nil)
		img = big
	}
	b := img.Bounds()
	rad := deg * math.Pi / 180
	sin, cos := math.Sin(rad), math.Cos(rad)
	w, h := float64(b.Dx()), float64(b.Dy())
	nw := int(math.Abs(w*cos)+math.Abs(h*sin)) + 60
	nh := int(math.Abs(w*sin)+math.Abs(h*cos)) + 60
	out := image.NewRGBA(image.Rect(0, 0, nw, nh))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{150, 148, 140, 255}), image.Point{}, draw.Src)
	cx, cy, ncx, ncy := w/2, h/2, float64(nw)/2, float64(nh)/2
	m := f64.Aff3{cos, -sin, ncx - cos*cx + sin*cy, sin, cos, ncy - sin*cx - cos*cy}
	xdraw.BiLinear.Transform(out, m, img, b, xdraw.Over, nil)
	small := image.NewRGBA(image.Rect(0, 0, nw*3/4, nh*3/4))
	xdraw.BiLinear.Scale(small, small.Bounds(), out, out.Bounds(), xdraw.Src, nil)
	xdraw.BiLinear.Scale(out, out.Bounds(), small, small.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: quality}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
