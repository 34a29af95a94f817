package photoread

import (
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/wxintake/intake/bot"
)

// codeReader is one symbology's gozxing reader.
type codeReader struct {
	format string
	turn   bool // retried on the photo turned back: a 1D code needs it past a few degrees, and gozxing misses some tilted 2D codes
	reader func() gozxing.Reader
}

// codeReaders are the symbologies read from photos: Code 128 (serial stickers), EAN
// (the retail code on the box), QR and DataMatrix (nameplates and newer stickers).
var codeReaders = []codeReader{
	{"QR_CODE", true, qrcode.NewQRCodeReader},
	{"DATA_MATRIX", true, func() gozxing.Reader { return datamatrix.NewDataMatrixReader() }},
	{"CODE_128", true, oned.NewCode128Reader},
	{"EAN", true, func() gozxing.Reader {
		return oned.NewMultiFormatUPCEANReader(map[gozxing.DecodeHintType]any{
			gozxing.DecodeHintType_POSSIBLE_FORMATS: []gozxing.BarcodeFormat{gozxing.BarcodeFormat_EAN_13, gozxing.BarcodeFormat_EAN_8},
		})
	}},
}

// tilts are the angles a photo is turned by when a linear code is not found upright: a
// scan line must cross every bar, so a code held at 20° is read only once turned back.
// (The reader itself tries 90°.)
var tilts = []float64{-12, 12, -24, 24, -36, 36, -48, 48}

// codes decodes every symbology once in g: upright first, then, when none was found, at
// each tilt until one is.
func codes(g *image.Gray) []bot.PhotoCode {
	var out []bot.PhotoCode
	seen := map[string]bool{}
	add := func(r *gozxing.Result) {
		if r == nil || r.GetText() == "" || seen[r.GetText()] {
			return
		}
		seen[r.GetText()] = true
		out = append(out, bot.PhotoCode{Format: r.GetBarcodeFormat().String(), Text: r.GetText()})
	}
	bmp := bitmap(g)
	missing := []codeReader{}
	for _, cr := range codeReaders {
		if r := decodeWith(cr, bmp); r != nil {
			add(r)
		} else if cr.turn {
			missing = append(missing, cr)
		}
	}
	// Turning is the costly part: only when nothing was found upright, on a copy of at most
	// 1200 pixels, until something is found.
	if len(out) > 0 {
		return out
	}
	small := gray(g, 1200)
	for _, deg := range tilts {
		if len(missing) == 0 || len(out) > 0 {
			break
		}
		bmp := bitmap(rotate(small, deg))
		still := missing[:0:0]
		for _, cr := range missing {
			if r := decodeWith(cr, bmp); r != nil {
				add(r)
			} else {
				still = append(still, cr)
			}
		}
		missing = still
	}
	return out
}

func bitmap(g *image.Gray) *gozxing.BinaryBitmap {
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(gozxing.NewLuminanceSourceFromImage(g)))
	if err != nil {
		return nil
	}
	return bmp
}

// decodeWith runs one reader; a panic in a decoder (malformed input) is no result.
func decodeWith(cr codeReader, bmp *gozxing.BinaryBitmap) (res *gozxing.Result) {
	if bmp == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			res = nil
		}
	}()
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	r, err := cr.reader().Decode(bmp, hints)
	if err != nil {
		return nil
	}
	return r
}
