package knowledge

import (
	"strings"
	"testing"
)

func TestComponentOf(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		category, rule, code, symptom, fuel string
		name, source                        string
	}{
		{"air_conditioner", "ac-compressor-protection", "", "", "", "压缩机", "rule"},
		{"air_conditioner", "ac-not-cooling", "E4", "不制冷", "", "压缩机", "code"},  // the code's rule names it
		{"air_conditioner", "ac-not-cooling", "e-4", "不制冷", "", "压缩机", "code"}, // as customers type it
		{"air_conditioner", "", "", "外机压缩机不启动", "", "压缩机", "symptom"},          // named by the customer
		{"air_conditioner", "ac-not-cooling", "", "不制冷", "", "", ""},           // nothing names one
		{"refrigerator", "", "E4", "", "", "", ""},                             // another category's code
		{"mobile_phone", "", "", "电池鼓包了", "", "电池", "symptom"},                 // a shorter period counts too
		{"other", "", "", "压缩机坏了", "", "", ""},                                 // no category, no component
		// a part of one fuel's appliances: never promised for the other fuel, nor before the
		// fuel is known; a fuel's own part where the rule names one
		{"water_heater", "heater-no-hot-water", "", "不出热水", "electric", "加热管", "rule"},
		{"water_heater", "heater-no-hot-water", "", "打不着火 老是咔咔响", "gas", "", ""},
		{"water_heater", "heater-no-hot-water", "", "不出热水", "", "", ""},
		{"water_heater", "heater-leak", "", "底下滴水", "electric", "内胆", "rule"},
		{"water_heater", "heater-leak", "", "底下滴水", "gas", "热交换器", "rule"},
		{"water_heater", "heater-trip", "", "一开就跳闸", "gas", "", ""},
		{"water_heater", "", "", "加热管坏了", "", "加热管", "symptom"}, // named by the customer
	} {
		name, source := s.ComponentOf(tc.category, tc.rule, tc.code, tc.symptom, tc.fuel)
		if name != tc.name || source != tc.source {
			t.Errorf("ComponentOf(%s, %s, %s, %s) = %s %s, want %s %s", tc.category, tc.rule, tc.code, tc.symptom, name, source, tc.name, tc.source)
		}
	}
}

func TestComponentsForFuel(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	names := func(cs []Component) (out []string) {
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}
	w := s.Category("water_heater").Warranty
	for fuel, want := range map[string]string{
		FuelGas:      "热交换器 主控板",
		FuelElectric: "内胆 加热管 主控板",
		"":           "内胆 加热管 热交换器 主控板", // each may be the customer's
	} {
		if got := strings.Join(names(w.ComponentsFor(fuel)), " "); got != want {
			t.Errorf("ComponentsFor(%q) = %s, want %s", fuel, got, want)
		}
	}
}
