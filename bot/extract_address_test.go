package bot

import "testing"

// TestAddressCorrectedInline: a correction inside an address replaces what it corrects.
func TestAddressCorrectedInline(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"武汉洪山区珞喻路1037号华科西十二舍 不对 是东区教工宿舍5栋201", "武汉洪山区珞喻路1037号东区教工宿舍5栋201"},
		{"杭州市西湖区文三路100号 不对 是200号", "杭州市西湖区文三路200号"},
		{"上海浦东张江路100弄5号302 说错了 是浦东新区张江路100弄6号302", "浦东新区张江路100弄6号302"},
		{"北京市朝阳区建国路88号3栋502", "北京市朝阳区建国路88号3栋502"},
	} {
		if got, ok := ParseAddress(tt.text); !ok || got != tt.want {
			t.Errorf("ParseAddress(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}
