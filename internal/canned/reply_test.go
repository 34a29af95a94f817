package canned

import (
	"errors"
	"strings"
	"testing"

	"github.com/wxintake/intake/staff"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name  string
		r     Reply
		field string // "" when valid
	}{
		{"title and text", Reply{Title: "预约上门", Text: "您好，师傅将在两小时内与您联系。"}, ""},
		{"no title", Reply{Text: "请稍等"}, ""},
		{"title at the limit", Reply{Title: strings.Repeat("题", MaxTitle), Text: "好"}, ""},
		{"text at the limit", Reply{Text: strings.Repeat("字", MaxText)}, ""},
		{"title too long", Reply{Title: strings.Repeat("题", MaxTitle+1), Text: "好"}, "title"},
		{"title with a newline", Reply{Title: "预约\n上门", Text: "好"}, "title"},
		{"empty text", Reply{Title: "空"}, "text"},
		{"blank text", Reply{Title: "空", Text: " \n\t"}, "text"},
		{"text too long", Reply{Text: strings.Repeat("字", MaxText+1)}, "text"},
	}
	for _, tc := range cases {
		err := tc.r.Check()
		var fe *staff.FieldError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && !errors.As(err, &fe):
			t.Errorf("%s: %v, want a field error on %s", tc.name, err, tc.field)
		case tc.field != "" && (fe.Field != tc.field || fe.Message() == "" || strings.HasPrefix(fe.Message(), "[")):
			t.Errorf("%s: field %q, message %q; want %s with a catalog sentence", tc.name, fe.Field, fe.Message(), tc.field)
		}
	}
}

func TestLabel(t *testing.T) {
	cases := []struct {
		r    Reply
		want string
	}{
		{Reply{Title: "预约上门", Text: "您好"}, "预约上门"},
		{Reply{Text: "请稍等"}, "请稍等"},
		{Reply{Text: "您好，\n请问  冰箱是哪里漏水？"}, "您好， 请问 冰箱是哪里漏水？"},
		{Reply{Text: "一二三四五六七八九十一二三四五六七八九十多余"}, "一二三四五六七八九十一二三四五六七八九十…"},
	}
	for _, tc := range cases {
		if got := tc.r.Label(); got != tc.want {
			t.Errorf("Label(%+v) = %q, want %q", tc.r, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	got := Reply{Title: "  预约 ", Text: "\n您好 \n"}.Normalize()
	if got.Title != "预约" || got.Text != "您好" {
		t.Errorf("Normalize = %+v", got)
	}
}
