package bot

import (
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// The shipped knowledge drives the real dialog: the example gets its checks.
func TestShippedKnowledgeBase(t *testing.T) {
	kb := shippedKB(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	d := NewDialog(kb)
	c, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, At: now,
		Text: "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1"})
	cs := c.Case
	if cs.Category != "air_conditioner" || cs.Brand != "美的" || cs.Model == "" || cs.PurchaseDate.Year != 2025 ||
		cs.Channel != ChannelJD || cs.ErrorCode != "E1" || cs.Symptom == "" {
		t.Fatalf("facts not all understood: %+v", cs.Facts)
	}
	if c.State != StateSelf || cs.RuleID == "" {
		t.Fatalf("no self-service: state %q rule %q (effects %v)", c.State, cs.RuleID, effects)
	}
	if age := ageMonths(&cs); age != 17 {
		t.Errorf("age = %d months, want 17 (June 2025 → November 2026)", age)
	}
	hazard := func(text string) (Rule, bool) {
		canon := knowledge.Canon(text)
		return kb.Hazard(canon, knowledge.ReadHazards(canon))
	}
	if r, ok := hazard("厨房里有很重的煤气味"); !ok || !r.Safety || r.Advice == "" {
		t.Errorf("gas smell not a hazard: %+v", r)
	}
	if _, ok := hazard("空调不制冷"); ok {
		t.Error("a plain fault was taken for a hazard")
	}
}

// A model number names its product even when its brand makes several, and a part only one
// product has names it too; the part stays in the symptom.
func TestShippedProductFromModelAndPart(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for text, want := range map[string]string{
		"美的 BCD-508WKPZM 一直滴滴叫": "refrigerator",
		"拯救者R9000P 电池鼓包了":       "laptop",
		"外机晚上响得跟拖拉机似的":          "air_conditioner",
		"冷藏室把菜都冻成冰坨子了":          "refrigerator",
		"足浴盆不加热了":               "other",
		"蓝牙音箱连不上手机":             "other",
		"小米的宝宝看护器老是断线 连不上手机":    "other",
		"音箱老掉线 连不上手机":           "other",
		"耳机连不上手机":               "earphones",
		"手机连不上wifi":             "mobile_phone",
		"台式电脑开不了机":              "other",
		"冰柜不制冷":                 "refrigerator",
		"汏衣机里向一股臭味道":            "washing_machine",
	} {
		f := Extract(text, now, lx)
		if f.Category != want {
			t.Errorf("%q: category %q, want %q", text, f.Category, want)
		}
	}
	if f := Extract("外机不转了", now, lx); f.Symptom == "" {
		t.Errorf("外机不转了: the part was taken out of the symptom: %+v", f)
	}
}

// A product outside the categories keeps the word that names its kind ("智能门锁", "电动
// 牙刷"), and a second appliance with its own trouble is kept apart from the first.
func TestShippedOtherProductNameAndSecondAppliance(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for text, want := range map[string][3]string{ // product (or category), symptom, also
		"智能门锁没电了 进不去家门了":      {"智能门锁", "没电了 进不去家门了", ""},
		"家里的电动牙刷充不进电":         {"电动牙刷", "充不进电", ""},
		"空调不制冷 还有冰箱也不太冷":      {"air_conditioner", "不制冷", "冰箱也不太冷"},
		"洗衣机不排水，热水器也不出热水":     {"washing_machine", "不排水", "热水器也不出热水"},
		"冰箱漏水 另外家里电视也没声音了":    {"refrigerator", "漏水", "电视也没声音了"},
		"空调漏水滴到冰箱上了":          {"air_conditioner", "漏水滴到冰箱上了", ""},
		"空调外机响 内机也漏水":         {"air_conditioner", "", ""},
		"热水器是不是漏电了":           {"water_heater", "是不是漏电了", ""},
		"电视机屏幕全黑 有声音":         {"television", "屏幕全黑 有声音", ""},
		"微波炉不加热 美的的 还有电饭煲也坏了": {"microwave", "不加热", "电饭煲也坏了"},
	} {
		f := Extract(text, now, lx)
		product := f.Category
		if f.Category == OtherCategory {
			product = f.Product
		}
		if product != want[0] || want[1] != "" && f.Symptom != want[1] || f.Also != want[2] {
			t.Errorf("%q: product %q symptom %q also %q, want %q", text, product, f.Symptom, f.Also, want)
		}
	}
}
