package knowledge

import "testing"

func TestComponentOf(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		category, rule, code, symptom string
		name, source                  string
	}{
		{"air_conditioner", "ac-compressor-protection", "", "", "压缩机", "rule"},
		{"air_conditioner", "ac-not-cooling", "E4", "不制冷", "压缩机", "code"},  // the code's rule names it
		{"air_conditioner", "ac-not-cooling", "e-4", "不制冷", "压缩机", "code"}, // as customers type it
		{"air_conditioner", "", "", "外机压缩机不启动", "压缩机", "symptom"},          // named by the customer
		{"air_conditioner", "ac-not-cooling", "", "不制冷", "", ""},           // nothing names one
		{"refrigerator", "", "E4", "", "", ""},                             // another category's code
		{"mobile_phone", "", "", "电池鼓包了", "电池", "symptom"},                 // a shorter period counts too
		{"other", "", "", "压缩机坏了", "", ""},                                 // no category, no component
	} {
		name, source := s.ComponentOf(tc.category, tc.rule, tc.code, tc.symptom)
		if name != tc.name || source != tc.source {
			t.Errorf("ComponentOf(%s, %s, %s, %s) = %s %s, want %s %s", tc.category, tc.rule, tc.code, tc.symptom, name, source, tc.name, tc.source)
		}
	}
}
