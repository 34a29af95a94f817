package triage

import "testing"

func TestRoute(t *testing.T) {
	groups := []Group{
		{Name: "华北制冷", Skills: []string{"refrigeration"}, Regions: []string{"北京", "天津", "河北"}},
		{Name: "华北制冷二组", Skills: []string{"refrigeration"}, Regions: []string{"北京"}},
		{Name: "数码寄修", Skills: []string{"mobile", "computer"}},
		{Name: "全国综合"},
	}
	cases := []struct {
		skill, region string
		load          map[string]int
		want          string
	}{
		{"refrigeration", "北京", nil, "华北制冷"},
		{"refrigeration", "北京", map[string]int{"华北制冷": 5, "华北制冷二组": 2}, "华北制冷二组"},
		{"refrigeration", "天津", map[string]int{"华北制冷": 5, "华北制冷二组": 2}, "华北制冷"},
		{"refrigeration", "广东", nil, "全国综合"},
		{"mobile", "广东", nil, "数码寄修"},
		{"mobile", "", nil, "数码寄修"},
		{"plumbing", "北京", map[string]int{"全国综合": 99}, "全国综合"},
		{"refrigeration", "", nil, "全国综合"},
	}
	for _, tc := range cases {
		got, why := Route(tc.skill, tc.region, groups, tc.load)
		if got != tc.want || why.Text == "" {
			t.Errorf("Route(%s, %s, %v) = %q (%s), want %q", tc.skill, tc.region, tc.load, got, why.Text, tc.want)
		}
	}
	if got, why := Route("gas", "北京", groups[:3], nil); got != "" || why.Text == "" {
		t.Errorf("no group serves gas: got %q", got)
	}
}
