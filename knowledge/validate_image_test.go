package knowledge

import (
	"strings"
	"testing"
)

// TestStepImageMustBeAWebAddress (issue 14): a step's image is shown to staff and sent
// to customers as a link, so only an http(s) address with a host is stored; a
// javascript: or data: URL, or anything else, is a problem at the field.
func TestStepImageMustBeAWebAddress(t *testing.T) {
	withImage := func(img string) string {
		return strings.Replace(goodRule, "      - text: 请确认遥控器设置为制冷模式。\n",
			"      - text: 请确认遥控器设置为制冷模式。\n        image: '"+img+"'\n", 1)
	}
	for _, ok := range []string{"https://cdn.example.com/ac/remote.png", "http://img.example.cn/a.jpg?x=1"} {
		if got := problemsOf(t, map[string]string{"categories.yaml": validCategories, "rules/ac.yaml": withImage(ok)}); got != nil {
			t.Errorf("image %q refused: %q", ok, got)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", " JavaScript:alert(1)", "data:image/png;base64,AAAA",
		"vbscript:msgbox(1)", "//evil.example.com/x.png", "file:///etc/passwd", "https://", "remote.png"} {
		got := problemsOf(t, map[string]string{"categories.yaml": validCategories, "rules/ac.yaml": withImage(bad)})
		if len(got) != 1 || !strings.Contains(got[0], "rules[0].steps[0].image") || !strings.Contains(got[0], "http") {
			t.Errorf("image %q: problems %q, want one at rules[0].steps[0].image", bad, got)
		}
	}
}
