package effects_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/wxpush"
)

// Probe s21 C3 and M4: after a second appliance is filed, an address and a phone told go onto
// both tickets of the household (the partial address keeps its city and district); "热水器那单"
// picks a ticket and never makes the other one a water heater; a location shared after filing
// is saved on the tickets with its coordinates, not only confirmed.
func TestHouseholdDetailsAfterFiling(t *testing.T) {
	s, chat := embeddedChat(t)
	ctx := context.Background()
	const who = "o_household"
	say := func(msg string) string { t.Helper(); return chat(who, msg) }
	first := ticketIn(t, s, say("热水器不出热水 转人工"))
	say("还有个油烟机也坏了 吸不动烟")
	second := ticketIn(t, s, say("0"))
	if first.Number == second.Number {
		t.Fatalf("one ticket for two appliances: %s", first.Number)
	}
	say("电话13511112222 地址南京市鼓楼区中山北路200号7栋302 姓刘")
	reply := say("不好意思地址写错了 是中山北路200号7栋502 不是302")
	if !strings.Contains(reply, first.Number) || !strings.Contains(reply, second.Number) {
		t.Errorf("the reply does not name both tickets:\n%s", reply)
	}
	say("电话也换一个吧 打我的 18655556666")
	say("热水器那单也是这个地址和电话啊 两个都改一下")
	for _, n := range []string{first.Number, second.Number} {
		tk, err := s.Tickets.Get(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if tk.Record.Address != "南京市鼓楼区中山北路200号7栋502" || tk.Record.Phone != "18655556666" {
			t.Errorf("%s: address %q phone %q", n, tk.Record.Address, tk.Record.Phone)
		}
	}
	if tk, _ := s.Tickets.Get(ctx, second.Number); tk.Record.Case.Category != second.Record.Case.Category {
		t.Errorf("the hood ticket became %q", tk.Record.Case.Category)
	}

	shared, err := s.Client(wxpush.Safe).Send(ctx, who, &wxpush.Message{Type: "location", Lat: 32.07, Lng: 118.78, Label: "南京市鼓楼区中山北路200号7栋502室"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(shared.Text, second.Number) {
		t.Errorf("location reply: %q", shared.Text)
	}
	for _, n := range []string{first.Number, second.Number} {
		tk, _ := s.Tickets.Get(ctx, n)
		if tk.Record.Address != "南京市鼓楼区中山北路200号7栋502室" || tk.Record.Latitude != 32.07 || tk.Record.Longitude != 118.78 {
			t.Errorf("%s after the location: address %q at %v,%v", n, tk.Record.Address, tk.Record.Latitude, tk.Record.Longitude)
		}
	}
}
