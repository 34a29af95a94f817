package knowledge

import (
	"testing"
	"time"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"空调不制冷 电话13912345678", "空调不制冷 电话[电话]"},
		{"打139 1234 5678找我", "打[电话]找我"},
		{"座机021-62345678", "座机[电话]"},
		{"身份证110101199003071234", "身份证[证件号]"},
		{"我叫张三 冰箱不制冷", "我叫[姓名] 冰箱不制冷"},
		{"我姓王，洗衣机漏水", "我姓[姓名]，洗衣机漏水"},
		{"订单号是 JD2026120512345 一直没人联系", "订单号[单号] 一直没人联系"},
		{"邮箱 abc.d@example.com 发我", "邮箱 [邮箱] 发我"},
		{"序列号：SN8A7B6C5D4 开不了机", "序列号[序列号] 开不了机"},
		{"住在上海市浦东新区张江路88号3栋201室 热水器不出热水", "[地址] 热水器不出热水"},
		{"中山路12号 洗碗机不排水", "[地址] 洗碗机不排水"},
		{"空调显示E1 不制冷", "空调显示E1 不制冷"},
		{"型号KFR-35GW 漏水", "型号KFR-35GW 漏水"},
		{"扫地机不回充", "扫地机不回充"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGroupSimilar(t *testing.T) {
	texts := []string{"空调不制冷了", "洗衣机漏水", "空调一点都不制冷", "洗衣机底下漏水"}
	groups := GroupSimilar(texts, 0.3)
	if len(groups) != 2 || len(groups[0]) != 2 || groups[0][1] != 2 || groups[1][1] != 3 {
		t.Fatalf("groups = %v", groups)
	}
	if s := Similarity("空调不制冷", "空调不制冷"); s < 0.99 {
		t.Errorf("self similarity %v", s)
	}
}

func TestISOWeek(t *testing.T) {
	if w := ISOWeek(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)); w != "2026-W49" {
		t.Errorf("ISOWeek = %s", w)
	}
}
