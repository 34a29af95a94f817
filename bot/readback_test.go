package bot

import (
	"strings"
	"testing"
	"time"
)

// Probe s14-C class 2: at night, when a message after an urgent ticket used to get only
// "消息已收到。现在是非工作时间…", a correction of the brand, the purchase date, the phone, the
// name, the address or the model still reaches the open ticket, acknowledged in one line.
func TestCorrectionAfterNightUrgentTicket(t *testing.T) {
	d := NewDialog(shippedKB(t))
	night := time.Date(2026, 12, 7, 1, 30, 0, 0, visitZone)
	opens := time.Date(2026, 12, 7, 9, 0, 0, 0, visitZone)
	d.Opens = func(at time.Time) time.Time {
		if at.Before(opens) {
			return opens
		}
		return at
	}
	filed := []string{"老板牌油烟机 前年十月份买的 一开就冒烟 有焦糊味", "电话13700001234"}
	c, reply, _ := talk(t, d, night, filed...)
	if c.State != StateHuman || c.Ticket == "" || !strings.Contains(reply, "工单上登记的是：油烟机/燃气灶 · 老板 · 2024-10 购买") ||
		!strings.Contains(reply, "电话 13700001234") || !strings.Contains(reply, "非工作时间") {
		t.Fatalf("urgent ticket at night: state %s ticket %q\n%s", c.State, c.Ticket, reply)
	}
	for _, tc := range []struct {
		msg  string
		want func(e Effect) bool
	}{
		{"品牌不是老板 是方太 老板是我喊你的", func(e Effect) bool { u, ok := e.(UpdateDetails); return ok && u.Facts.Brand == "方太" }},
		{"牌子搞错了，不是老板，是华帝的", func(e Effect) bool { u, ok := e.(UpdateDetails); return ok && u.Facts.Brand == "华帝" }},
		{"品牌不是老板 是威能", func(e Effect) bool { u, ok := e.(UpdateDetails); return ok && u.Facts.Brand == "威能" }},
		{"买的时间不对 是去年三月份买的", func(e Effect) bool {
			u, ok := e.(UpdateDetails)
			return ok && u.Facts.PurchaseDate == Date{2025, 3, 0}
		}},
		{"电话说错了 是13700001235", func(e Effect) bool { u, ok := e.(UpdateContact); return ok && u.Phone == "13700001235" }},
		{"我叫刘建国", func(e Effect) bool { u, ok := e.(UpdateContact); return ok && u.Name == "刘建国" }},
		{"地址是长沙市岳麓区麓谷街道XX小区3栋502", func(e Effect) bool {
			u, ok := e.(UpdateContact)
			return ok && strings.HasPrefix(u.Address, "长沙市岳麓区")
		}},
		{"型号是CXW-260-27A7", func(e Effect) bool { u, ok := e.(UpdateDetails); return ok && u.Facts.Model != "" }},
	} {
		_, reply, effects := talk(t, d, night, append(filed, tc.msg)...)
		found := false
		for _, e := range effects {
			found = found || tc.want(e)
		}
		if !found || strings.Contains(reply, "消息已收到") || strings.Count(strings.TrimSpace(reply), "\n") > 0 {
			t.Errorf("%q: effects %+v reply %q", tc.msg, effects, reply)
		}
	}
}
