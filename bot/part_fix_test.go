package bot

import "testing"

// Probe s19 class 5: a correction of the part at fault, in its usual shapes.
func TestPartCorrection(t *testing.T) {
	tests := []struct{ text, out, in string }{
		{"不是内机 是外机", "室内机", "室外机"},
		{"不是内机在滴 是外机在滴水", "室内机", "室外机"},
		{"是外机响 不是内机", "室内机", "室外机"},
		{"内机没问题 是外机在滴水", "室内机", "室外机"},
		{"唔系内机 系外机", "室内机", "室外机"},
		{"不是冷藏室 是冷冻室不冻", "冷藏室", "冷冻室"},
		// no correction of a part
		{"不是格力 是美的", "", ""},
		{"外机也在滴水", "", ""},
		{"不是内机 是我家另一台", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out, in, ok := partCorrection(tt.text)
			if tt.out == "" {
				if ok {
					t.Errorf("read %v → %v, want no correction", out, in)
				}
				return
			}
			if !ok || out[0] != tt.out || in[0] != tt.in {
				t.Errorf("read %v → %v (%v), want %s → %s", out, in, ok, tt.out, tt.in)
			}
		})
	}
}
