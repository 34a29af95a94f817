package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitReply(t *testing.T) {
	long := strings.Repeat("请检查电源插头是否插紧。", 200) // 36 bytes each, 7200 bytes
	cases := []struct {
		name string
		text string
		max  int
		n    int
	}{
		{"empty", "", 2048, 0},
		{"blank", "  \n ", 2048, 0},
		{"short", "您好", 2048, 1},
		{"exactly max", strings.Repeat("a", 2048), 2048, 1},
		{"long sentences", long, 2048, 4},
		{"no break at all", strings.Repeat("好", 1000), 2048, 2},
	}
	for _, tc := range cases {
		parts := SplitReply(tc.text, tc.max)
		if len(parts) != tc.n {
			t.Errorf("%s: %d parts, want %d", tc.name, len(parts), tc.n)
		}
		joined := ""
		for _, p := range parts {
			if len(p) > tc.max || p == "" || !utf8.ValidString(p) {
				t.Errorf("%s: bad part of %d bytes", tc.name, len(p))
			}
			joined += p
		}
		if strings.ReplaceAll(strings.TrimSpace(tc.text), "\n", "") != strings.ReplaceAll(joined, "\n", "") {
			t.Errorf("%s: text changed by splitting", tc.name)
		}
	}
	// Sentence ends are preferred cut points.
	for _, p := range SplitReply(long, 2048) {
		if !strings.HasSuffix(p, "。") {
			t.Errorf("part cut mid-sentence: …%s", p[len(p)-12:])
		}
	}
}

func TestMaskOpenID(t *testing.T) {
	if got := MaskOpenID("oABCD1234567890xyz"); got != "oABC…xyz" {
		t.Errorf("MaskOpenID = %q", got)
	}
	if got := MaskOpenID("short"); got != "***" {
		t.Errorf("MaskOpenID(short) = %q", got)
	}
}
