package bot

import "testing"

// TestIsThanks covers what a customer types to close a chat, and what only looks like it.
func TestIsThanks(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"谢谢", true},
		{"好的，谢谢", true},
		{"好的谢谢师傅！", true},
		{"嗯嗯 收到", true},
		{"OK 👍", true},
		{"辛苦了～", true},
		{"知道了，谢谢您", true},
		{"行", true},
		{"", false},
		{"你", false},
		{"师傅", false},
		{"好的我再试试", false},
		{"谢谢，还是不制冷", false},
		{"空调不制冷", false},
	} {
		if got := isThanks(tc.text); got != tc.want {
			t.Errorf("isThanks(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
