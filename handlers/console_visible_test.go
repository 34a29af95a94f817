package handlers_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// visibleCases are what the pages' visible and the scripts' intake.visible make of a text
// (visible_browser_test.go checks the script against them).
var visibleCases = []struct{ in, want string }{
	{"正常\u202e了吗", "正常⟨U+202E⟩了吗"},
	{"漏\u200b电", "漏⟨U+200B⟩电"},
	{"\ufeff冒烟", "⟨U+FEFF⟩冒烟"},
	{"短\u00ad路", "短⟨U+00AD⟩路"},
	{"\u2066正常\u2069", "⟨U+2066⟩正常⟨U+2069⟩"},
	{"\u200e\u200f\u202a\u202d\u2060\u2064", "⟨U+200E⟩⟨U+200F⟩⟨U+202A⟩⟨U+202D⟩⟨U+2060⟩⟨U+2064⟩"},
	{"着\U000E0041火", "着⟨U+E0041⟩火"},               // a tag character
	{"漏\ufe0f电", "漏⟨U+FE0F⟩电"},                    // a variation selector after no emoji
	{"漏\u200d电", "漏⟨U+200D⟩电"},                    // a joiner between words
	{"漏\u034f电\U000E0100", "漏⟨U+034F⟩电⟨U+E0100⟩"}, // other default-ignorables
	{"\U0001F600\u202e漏电", "\U0001F600⟨U+202E⟩漏电"},
	{"❤\u200d\u200d", "❤\u200d⟨U+200D⟩"},
	// What belongs to an emoji stays.
	{"谢谢❤\ufe0f", "谢谢❤\ufe0f"},
	{"👩🏽\u200d💻 ❤\ufe0f\u200d🔥 1\ufe0f\u20e3 👍", "👩🏽\u200d💻 ❤\ufe0f\u200d🔥 1\ufe0f\u20e3 👍"},
	{"<b>冰箱</b> 不制冷\n", "<b>冰箱</b> 不制冷\n"},
	{"", ""},
}

func TestVisibleMarksInvisibleCharacters(t *testing.T) {
	for _, tc := range visibleCases {
		if got := handlers.Visible(tc.in); got != tc.want {
			t.Errorf("Visible(%+q) = %+q; want %+q", tc.in, got, tc.want)
		}
	}
}

// Invisible characters in a customer's text — an RTL override, a zero-width space — show
// as markers on every page that shows the text, never as the raw characters.
func TestPagesShowInvisibleCharacters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	now := time.Now()
	tk, _, err := f.tickets.Create(ctx, triage.Ticket{CaseKey: "k-invisible", OpenID: "o-invisible",
		Priority: triage.PriorityNormal, Category: "air_conditioner", RuleID: "ac.cooling", CreatedAt: now,
		Record: triage.Record{Name: "张\u200b三", Address: "北京\u202e路8号", Occurred: "昨\u00ad天",
			Case: triage.Case{Category: "air_conditioner", CategoryName: "空调", Model: "KFR\u200b-35",
				Symptom: "不\u200b制冷\u202e"}},
		Result: triage.Result{Priority: triage.PriorityNormal}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.tickets.AppendTranscript(ctx, tk.Number, triage.TranscriptEntry{At: now, Role: triage.RoleCustomer,
		Text: "正常\u202e了吗，漏\u200b电"}); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]string{
		"/console/tickets/" + tk.Number: {"张⟨U+200B⟩三", "北京⟨U+202E⟩路8号", "昨⟨U+00AD⟩天", "KFR⟨U+200B⟩-35",
			"不⟨U+200B⟩制冷⟨U+202E⟩", "正常⟨U+202E⟩了吗，漏⟨U+200B⟩电"},
		"/console/":                 {"不⟨U+200B⟩制冷⟨U+202E⟩"},
		"/console/dashboard?days=1": {"KFR⟨U+200B⟩-35"},
	}
	for path, want := range pages {
		rec := f.do(http.MethodGet, path, f.tokens[staff.RoleAdmin], nil)
		// html/template writes "+" as "&#43;": read the text as a browser does.
		body := html.UnescapeString(rec.Body.String())
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		for _, raw := range []string{"\u202e", "\u200b", "\u00ad"} {
			if strings.Contains(body, raw) {
				t.Errorf("%s contains the raw %+q", path, raw)
			}
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
}
