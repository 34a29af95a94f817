package bot

import (
	"testing"
	"time"
)

// Probe s14-C class 5: two numbers in one message keep the visit's as the phone and the
// other, with whose it is, as OtherPhone.
func TestTwoPhones(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	for _, tt := range []struct{ text, phone, other string }{
		{"租客电话13512345678，我的电话13600001111，上门请联系租客", "13512345678", "我的电话13600001111"},
		{"我的电话13600001111，租客电话13512345678，上门请联系租客", "13512345678", "我的电话13600001111"},
		{"我电话13787654321 我老婆电话13900001111 上门打给我老婆", "13900001111", "我电话13787654321"},
		{"我妈手机13512345678，我的13600001111，平时打我的就行", "13600001111", "我妈手机13512345678"},
		{"电话13512345678 备用13600001111", "13512345678", "备用13600001111"},
		{"电话13787654321", "13787654321", ""},
	} {
		f := Extract(tt.text, now, nil)
		if f.Phone.Number != tt.phone || f.OtherPhone != tt.other {
			t.Errorf("Extract(%q): phone %q other %q, want %q %q", tt.text, f.Phone.Number, f.OtherPhone, tt.phone, tt.other)
		}
	}
}
