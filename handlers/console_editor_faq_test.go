package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// The FAQ pages beside the rules: an editor sees the draft's entries and their forms, an
// agent is refused, a stranger is sent to the login page; the rules page links to them.
func TestEditorFAQPagesAccess(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	agent := consoleUser(t, s, "agent1", staff.RoleAgent)
	anon := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	pages := []struct{ path, want string }{
		{"/console/rules/faq", `data-faq="faq-ac-outdoor-drip"`},
		{"/console/rules/faq/new", `id="faq-form" class="fields" data-id=""`},
		{"/console/rules/faq/faq-ac-outdoor-drip", `data-id="faq-ac-outdoor-drip"`},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			code, body := get(t, editor, s.URL()+p.path)
			if code != http.StatusOK || !strings.Contains(body, p.want) || !strings.Contains(body, "faq-preview-form") {
				t.Errorf("editor: %d, want 200 with %q and the preview:\n%.2000s", code, p.want, body)
			}
			if code, _ := get(t, agent, s.URL()+p.path); code != http.StatusForbidden {
				t.Errorf("agent: %d, want 403", code)
			}
			res, err := anon.Get(s.URL() + p.path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/console/login" {
				t.Errorf("anonymous: %s to %q, want a redirect to the login", res.Status, res.Header.Get("Location"))
			}
		})
	}
	if _, body := get(t, editor, s.URL()+"/console/rules"); !strings.Contains(body, `href="/console/rules/faq"`) {
		t.Error("the rules page does not link to the FAQ entries")
	}
	// The list names categories, the normal flag and the samples; the form is filled.
	_, body := get(t, editor, s.URL()+"/console/rules/faq")
	row := body[strings.Index(body, `data-faq="faq-ac-outdoor-drip"`):]
	row = row[:strings.Index(row, "</tr>")]
	for _, want := range []string{"空调", "<td>是</td>", "已发布"} {
		if !strings.Contains(row, want) {
			t.Errorf("the list's row lacks %q:\n%s", want, row)
		}
	}
	draft, err := s.KB.Draft(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := draft.FAQEntry("faq-ac-outdoor-drip")
	_, body = get(t, editor, s.URL()+"/console/rules/faq/faq-ac-outdoor-drip")
	if !strings.Contains(body, `value="air_conditioner" checked`) || !strings.Contains(body, `name="normal" value="1" checked`) ||
		!strings.Contains(body, ">"+f.Samples[0]+"\n"+f.Samples[1]+"\n") {
		t.Errorf("the form is not filled from the entry:\n%.5000s", body)
	}
	if code, _ := get(t, editor, s.URL()+"/console/rules/faq/no-such-entry"); code != http.StatusNotFound {
		t.Errorf("missing entry: %d, want 404", code)
	}
}

// An entry's text written by an editor is shown as text on the list and in its form; an
// unpublished entry is marked so.
func TestEditorFAQEscapes(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	const evil = `<script>alert(1)</script>`
	e := knowledge.FAQ{ID: "faq-evil", Title: "镁棒" + evil, Answer: "一到两年" + evil,
		Samples: []string{"镁棒多久换", "热水器镁棒多久换一次", "镁棒要换吗", "镁棒什么时候换", "镁棒几年换", "镁棒换一次多少钱", "镁棒坏了吗", "镁棒怎么换"}}
	if err := s.KB.PutFAQ(context.Background(), "editor1", "", e); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/console/rules/faq", "/console/rules/faq/faq-evil"} {
		code, body := get(t, editor, s.URL()+path)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", path, code)
		}
		if strings.Contains(body, evil) {
			t.Errorf("%s: the entry's markup is not escaped", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the entry's text is missing:\n%.3000s", path, body)
		}
	}
	if _, body := get(t, editor, s.URL()+"/console/rules/faq"); !strings.Contains(body, "新增（未发布）") {
		t.Error("the new entry is not marked unpublished")
	}
}
