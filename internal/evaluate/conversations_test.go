package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxintake/intake/bot"
)

// TestConversationHarness replays scripted conversations and checks that the harness sees
// what went right and what went wrong: a ticket with the facts told out of order, a
// conversation solved on its own, and a fact the bot could not have read (a bare "嗯嗯" labelled
// as the brand) that it must ask again, counted as a re-ask.
func TestConversationHarness(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"first_messages.jsonl", "behaviours.jsonl", "slots.jsonl"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Join([]string{
		`{"id":"c1","split":"test","today":"2026-12-07","turns":["我家洗衣机甩干的时候响得厉害","小天鹅的 去年双十一京东买的","型号TG100V88","我姓王 电话13812345678 住在杭州市西湖区文三路100号3栋2单元501","就这些 帮我登记一下吧"],"expect":{"ticket":true,"category":"washing_machine","brand":"小天鹅","model":"TG100V88","purchase":"2025-11","phone":"13812345678"},"given":{"symptom":0,"brand":1,"purchase":1,"model":2,"name":3,"phone":3,"address":3}}`,
		`{"id":"c2","split":"test","today":"2026-12-07","turns":["冰箱不制冷","海尔的 前年买的","我把温控调了一下 现在好了 谢谢"],"expect":{"ticket":false,"category":"refrigerator","brand":"海尔","purchase":"2024"},"given":{"symptom":0,"brand":1,"purchase":1}}`,
		`{"id":"c3","split":"test","today":"2026-12-07","turns":["我家按摩椅不动了","嗯嗯"],"expect":{"ticket":false,"category":"other","product":"按摩椅"},"given":{"symptom":0,"brand":1}}`,
	}, "\n")
	if err := os.WriteFile(filepath.Join(dir, "conversations.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	kb := shippedKB(t)
	r, err := Run(dir, "test", kb, bot.RuleReader{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{
		"conversation ticket filed":                   {1, 1},
		"conversation filed by its own messages":      {1, 1},
		"conversation ticket brand":                   {1, 1},
		"conversation ticket model":                   {1, 1},
		"conversation ticket purchase":                {1, 1},
		"conversation ticket phone":                   {1, 1},
		"conversation no ticket (solved or given up)": {2, 2},
		"conversation without a re-ask":               {2, 3},
	}
	for name, w := range want {
		if s := r.Get(name); s.Right != w[0] || s.Total != w[1] {
			t.Errorf("%s = %d/%d, want %d/%d", name, s.Right, s.Total, w[0], w[1])
		}
	}
	if !strings.Contains(strings.Join(r.Misses, "\n"), "c3 re-asks brand") {
		t.Errorf("the re-ask of c3 is not among the misses: %q", r.Misses)
	}
}
