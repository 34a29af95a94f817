package bot

import (
	"testing"
	"time"
)

func TestWithPlace(t *testing.T) {
	for _, tc := range []struct{ addr, old, want string }{
		{"中山北路200号7栋502", "南京市鼓楼区中山北路200号7栋302", "南京市鼓楼区中山北路200号7栋502"},
		{"建国路86号3栋1单元502", "北京市朝阳区建国路88号", "北京市朝阳区建国路86号3栋1单元502"},
		{"上海市浦东新区世纪大道1号", "北京市朝阳区建国路88号", "上海市浦东新区世纪大道1号"},
		{"泉城路1号2单元304", "", "泉城路1号2单元304"},
	} {
		if got := withPlace(tc.addr, tc.old); got != tc.want {
			t.Errorf("withPlace(%q, %q) = %q, want %q", tc.addr, tc.old, got, tc.want)
		}
	}
}

func TestHousehold(t *testing.T) {
	day := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	c := Conversation{Ticket: "C", Household: []FiledTicket{
		{Number: "A", Category: "air_conditioner", At: day.Add(-30 * 24 * time.Hour)}, // long ago
		{Number: "B", Category: "water_heater", At: day.Add(-time.Hour)},
		{Number: "C", Category: "range_hood", At: day},
	}}
	if got := c.household(day); len(got) != 2 || got[0] != "B" || got[1] != "C" {
		t.Errorf("household = %q, want [B C]", got)
	}
	old := Conversation{Ticket: "X", Tickets: []string{"X"}} // kept before Household existed
	if got := old.household(day); len(got) != 1 || got[0] != "X" {
		t.Errorf("household of an old conversation = %q, want [X]", got)
	}
}
