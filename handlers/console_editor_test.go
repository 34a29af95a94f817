package handlers_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// consoleUser creates a staff account with the role and returns an HTTP client signed in
// to the console as it (the session cookie in its jar), which does not follow redirects.
func consoleUser(t *testing.T, s *apptest.Service, username string, role staff.Role) *http.Client {
	t.Helper()
	const password = "correct horse 42"
	addStaff(t, s, username, username, role, password)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Post(s.URL()+"/api/v1/login", "application/json",
		strings.NewReader(`{"username":"`+username+`","password":"`+password+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("login %s: %s", username, res.Status)
	}
	return client
}

func get(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// The rule editor's pages: an editor sees them, an agent is refused, a stranger is sent
// to the login page.
func TestEditorPagesAccess(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	agent := consoleUser(t, s, "agent1", staff.RoleAgent)
	anon := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	pages := []struct {
		path string
		want string // in the editor's page
	}{
		{"/console/rules", "washer-no-inlet"},
		{"/console/rules?q=E10", "washer-no-inlet"},
		{"/console/rules/washer-no-inlet", "id: washer-no-inlet"},
		{"/console/rules/new", "新建规则"},
		{"/console/rules/history", "版本历史"},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			code, body := get(t, editor, s.URL()+p.path)
			if code != http.StatusOK || !strings.Contains(body, p.want) {
				t.Errorf("editor: %d, want 200 with %q:\n%.2000s", code, p.want, body)
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

	// The form view starts from the rule's fields; the list names categories.
	if _, body := get(t, editor, s.URL()+"/console/rules/washer-no-inlet"); !strings.Contains(body, ">E1\nE10</textarea>") ||
		!strings.Contains(body, `value="washing_machine" checked`) {
		t.Errorf("the form view is not filled from the rule:\n%.4000s", body)
	}
	if _, body := get(t, editor, s.URL()+"/console/rules?category=washing_machine"); !strings.Contains(body, "<td>洗衣机 </td>") ||
		strings.Contains(body, "ac-not-cooling") {
		t.Error("the category filter or the category names are wrong")
	}
	if code, _ := get(t, editor, s.URL()+"/console/rules/no-such-rule"); code != http.StatusNotFound {
		t.Errorf("missing rule: %d, want 404", code)
	}
	// A search keeps only the rules that fit.
	if _, body := get(t, editor, s.URL()+"/console/rules?q=E10"); strings.Contains(body, "ac-not-cooling") {
		t.Error("the search for E10 lists ac-not-cooling")
	}
	// The editor lands on the rules.
	res, err := editor.Get(s.URL() + "/console/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); loc != "/console/rules" {
		t.Errorf("editor's landing page: %q", loc)
	}
}

// Rule text written by an editor is shown as text on every page: in the list, in the
// YAML editor and in the diff of the draft.
func TestEditorEscapesRuleText(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	const evil = `<script>alert(1)</script>`
	rule := "id: washer-evil\ntitle: 洗衣机" + evil + "\ncategories: [washing_machine]\ntriggers:\n  keywords: [洗衣机冒紫光]\n" +
		"steps:\n  - text: 请断电" + evil + "\nunresolved:\n  fault_class: hardware\n  priority: normal\n  onsite: true\n" +
		"  price: {parts: [0, 0], labour: [0, 0]}\nsamples:\n  - 洗衣机冒紫光\n  - 我家洗衣机冒紫光了\n  - 洗衣机一直冒紫光\n"
	if _, err := s.KB.PutRule(context.Background(), "editor1", "", []byte(rule)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/console/rules", "/console/rules/washer-evil", "/console/rules/history?version=draft"} {
		code, body := get(t, editor, s.URL()+path)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", path, code)
		}
		if strings.Contains(body, evil) {
			t.Errorf("%s: the rule's markup is not escaped", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the rule's text is missing:\n%.3000s", path, body)
		}
	}
	if _, body := get(t, editor, s.URL()+"/console/rules"); !strings.Contains(body, "新增（未发布）") {
		t.Error("the new rule is not marked unpublished")
	}
}
