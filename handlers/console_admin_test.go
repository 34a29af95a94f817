package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/staff"
)

// markup is a display name that must be shown as text.
const markup = `<img src=x onerror=alert(1)>`

// The administration pages: an admin sees them and the navigation links to them; agents
// and editors are refused and see no link; markup in a canned reply or a display name is
// shown as text.
func TestAdminPages(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	admin := consoleUser(t, s, "admin1", staff.RoleAdmin)
	agent := consoleUser(t, s, "agent1", staff.RoleAgent)
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	ctx := context.Background()
	if _, err := s.Staff.UpdateUser(ctx, "agent1", func(u *staff.User) error { u.DisplayName = markup; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Canned.Create(ctx, canned.Reply{Title: "<b>问候</b>", Text: hostile, CreatedBy: "admin1", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}

	pages := []struct{ path, want string }{
		{"/console/users", "&lt;img src=x onerror=alert(1)&gt;"},
		{"/console/canned", "&lt;b&gt;问候&lt;/b&gt;"},
	}
	for _, p := range pages {
		code, body := get(t, admin, s.URL()+p.path)
		if code != http.StatusOK || !strings.Contains(body, p.want) {
			t.Errorf("admin %s: %d, want 200 with %q:\n%.3000s", p.path, code, p.want, body)
		}
		if strings.Contains(body, hostile) || strings.Contains(body, markup) {
			t.Errorf("%s shows markup unescaped", p.path)
		}
		if !strings.Contains(body, `href="`+p.path+`"`) {
			t.Errorf("the admin's navigation lacks %s", p.path)
		}
		for name, c := range map[string]*http.Client{"agent": agent, "editor": editor} {
			if code, _ := get(t, c, s.URL()+p.path); code != http.StatusForbidden {
				t.Errorf("%s %s: %d, want 403", name, p.path, code)
			}
		}
	}
	_, queue := get(t, agent, s.URL()+"/console/")
	if strings.Contains(queue, `href="/console/users"`) || strings.Contains(queue, `href="/console/canned"`) {
		t.Error("an agent's navigation links to the administration pages")
	}

	// The users page: every account, its role selected, the admin's own row locked, and
	// the last login of those who logged in (all three did, through the API).
	_, body := get(t, admin, s.URL()+"/console/users")
	for _, want := range []string{`data-username="admin1"`, `data-username="editor1"`, `<option value="editor" selected>`, "（您自己）"} {
		if !strings.Contains(body, want) {
			t.Errorf("users page lacks %q", want)
		}
	}
	if strings.Contains(body, "从未登录") {
		t.Error("an account that logged in is shown as never logged in")
	}
}
