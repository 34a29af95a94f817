package phototest

import (
	"fmt"
	"math/rand/v2"

	"golang.org/x/image/font/sfnt"

	"github.com/wxintake/intake/bot"
)

// EvalSet is n photos of each kind, drawn with varied contents, tilts and JPEG qualities
// from a fixed seed, for the evaluation (photoread/photoeval): the same set on every run.
func EvalSet(f *sfnt.Font, n int) []Case {
	rng := rand.New(rand.NewPCG(17, 2026))
	const alnum = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	serialOf := func() string {
		b := make([]byte, 22)
		for i := range b {
			b[i] = alnum[rng.IntN(len(alnum))]
		}
		return string(b)
	}
	models := []string{"KFR-35GW/N8MXA3", "KFR-26GW/N8XHC1", "KFR-72LW/N8MJA3", "KFR-50GW/N8ZHA1"}
	tilt := func(max int) float64 { return float64(rng.IntN(2*max+1) - max) }
	quality := func() int { return 55 + rng.IntN(31) }
	date := func() bot.Date {
		return bot.Date{Year: 2023 + rng.IntN(3), Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(28)}
	}
	var out []Case
	for i := range n {
		s, m := serialOf(), models[rng.IntN(len(models))]
		made, bought := date(), date()
		deg := tilt(30)
		out = append(out, Case{fmt.Sprintf("sticker %d (%v°)", i, deg), "sticker", "美的",
			Phone(SerialSticker(f, s), deg, quality()), Want{Serial: s}, ""})
		deg = tilt(45)
		out = append(out, Case{fmt.Sprintf("qr %d (%v°)", i, deg), "qr", "",
			Phone(QRSticker(f, "型号:"+m+";SN:"+s), deg, quality()), Want{Model: m, Serial: s}, ""})
		deg = tilt(45)
		out = append(out, Case{fmt.Sprintf("datamatrix %d (%v°)", i, deg), "datamatrix", "美的",
			Phone(DataMatrixSticker(f, "SN:"+s), deg, quality()), Want{Serial: s}, ""})
		deg = tilt(8)
		dash := fmt.Sprintf("%04d-%02d-%02d", made.Year, made.Month, made.Day)
		out = append(out, Case{fmt.Sprintf("nameplate %d (%v°)", i, deg), "nameplate", "",
			Phone(Nameplate(f, "美的", m, dash), deg, quality()), Want{Model: m, Made: made}, ""})
		deg = tilt(8)
		cn := fmt.Sprintf("%04d年%02d月%02d日", made.Year, made.Month, made.Day)
		out = append(out, Case{fmt.Sprintf("nameplate 年月日 %d (%v°)", i, deg), "nameplate-cn", "",
			Phone(Nameplate(f, "美的", m, cn), deg, quality()), Want{Model: m, Made: made}, ""})
		deg = tilt(6)
		at := fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d", bought.Year, bought.Month, bought.Day, rng.IntN(24), rng.IntN(60), rng.IntN(60))
		out = append(out, Case{fmt.Sprintf("jd order %d (%v°)", i, deg), "order", "",
			Phone(JDOrder(f, "美的新一级能效 "+m, at), deg, quality()), Want{Bought: bought, Channel: bot.ChannelJD}, ""})
		deg = tilt(6)
		inv := fmt.Sprintf("%04d年%02d月%02d日", bought.Year, bought.Month, bought.Day)
		out = append(out, Case{fmt.Sprintf("invoice %d (%v°)", i, deg), "invoice", "",
			Phone(Invoice(f, "苏宁易购集团股份有限公司", inv), deg, quality()), Want{Bought: bought, Channel: bot.ChannelSuning}, ""})
	}
	return out
}
