package bot

import "testing"

// Probe s16b 03: a model told with a hedge or a particle is the model, whole, without the
// particle and without the words after it.
func TestModelWithHedge(t *testing.T) {
	for _, tt := range []struct{ text, model string }{
		{"H12 Pro吧 保修是一年还是两年啊", "H12 Pro"},
		{"型号好像是KFR-35GW吧", "KFR-35GW"},
		{"应该是X30 Pro来着", "X30 Pro"},
		{"是不是叫M7啊", "M7"},
		{"好像叫T20 Max吧 我也记不清了", "T20 Max"},
		{"型号是H12 Pro 你怎么写到故障里去了", "H12 Pro"},
		{"BCD-216呢 不知道对不对", "BCD-216"},
	} {
		if m, ok := modelAsWritten(tt.text); !ok || m != tt.model {
			t.Errorf("modelAsWritten(%q) = %q %v, want %q", tt.text, m, ok, tt.model)
		}
	}
}

// A model taken into the fault before it was known is taken out again, and only that part.
func TestDropModelFromFault(t *testing.T) {
	for _, tt := range []struct{ symptom, model, want string }{
		{"充不进电了 放底座上灯都不亮，H12 Pro吧", "H12 Pro", "充不进电了 放底座上灯都不亮"},
		{"不制冷，型号好像是KFR-35GW吧，外机不转", "KFR-35GW", "不制冷，外机不转"},
		{"显示E4", "E4", "显示E4"},
		{"H12 Pro吧", "H12 Pro", "H12 Pro吧"}, // nothing else: the fault is not emptied
	} {
		c := Case{Facts: Facts{Symptom: tt.symptom, Model: tt.model}}
		c.dropModelFromFault()
		if c.Symptom != tt.want {
			t.Errorf("dropModelFromFault(%q, %q) = %q, want %q", tt.symptom, tt.model, c.Symptom, tt.want)
		}
	}
}
