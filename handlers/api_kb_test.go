package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// kbRule is a new laptop rule whose samples rank it first against the shipped knowledge.
const kbRule = `id: laptop-keyboard-light
title: 笔记本键盘背光不亮
categories: [laptop]
triggers:
  keywords: [键盘背光不亮, 键盘灯不亮]
  synonyms: [键盘没有背光]
steps:
  - text: 请按 Fn 加带灯泡图标的按键，打开键盘背光。
  - text: 请在电脑管家里打开“键盘背光”开关。
unresolved:
  fault_class: hardware
  priority: routine
  onsite: false
  skill: computer
  price: {parts: [0, 400], labour: [0, 100]}
samples:
  - 笔记本键盘背光不亮了
  - 键盘灯不亮怎么办
  - 电脑键盘没有背光了
`

// kbHazard is a new safety rule with a distinctive advice.
const kbHazard = `id: safety-purple-smoke
title: 测试：紫色粉末
safety: true
advice: 请立即断电并远离机器（测试提示 ZX9）。
triggers:
  keywords: [紫色粉末]
unresolved:
  fault_class: hardware
  priority: urgent
  onsite: true
  price: {parts: [0, 0], labour: [0, 0]}
samples:
  - 机器里漏出紫色粉末
  - 有紫色粉末掉出来
  - 看到紫色粉末了
`

// kbUser creates a staff account with the role and returns a session token for it.
func kbUser(t *testing.T, s *apptest.Service, username string, role staff.Role) string {
	t.Helper()
	ctx := context.Background()
	now := time.Now()
	u, err := s.Staff.CreateUser(ctx, staff.User{Username: username, Role: role, CreatedAt: now, UpdatedAt: now}, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	tok, hash := staff.NewToken(staff.KindSession)
	if _, err := s.Staff.CreateSession(ctx, staff.Session{UserID: u.ID, Kind: staff.KindSession, TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return tok
}

// kbAnswer is an answer of the knowledge API.
type kbAnswer struct {
	Status int
	Body   []byte
}

// into decodes the body into v.
func (a kbAnswer) into(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(a.Body, v); err != nil {
		t.Fatalf("answer %d: %v: %s", a.Status, err, a.Body)
	}
}

// want fails unless the answer has the status.
func (a kbAnswer) want(t *testing.T, status int) kbAnswer {
	t.Helper()
	if a.Status != status {
		t.Fatalf("status %d, want %d: %s", a.Status, status, a.Body)
	}
	return a
}

// kbCall sends a request with a Bearer token; a body that is not JSON goes as text/yaml.
func kbCall(t *testing.T, base, token, method, path, body string) kbAnswer {
	t.Helper()
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		ct := "text/yaml; charset=utf-8"
		if json.Valid([]byte(body)) {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return kbAnswer{Status: resp.StatusCode, Body: b}
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

type kbMatches struct {
	Version string `json:"version"`
	Matches []struct {
		ID      string   `json:"id"`
		Title   string   `json:"title"`
		Score   float64  `json:"score"`
		Reasons []string `json:"reasons"`
		Safety  bool     `json:"safety"`
		Steps   []string `json:"steps"`
	} `json:"matches"`
	Walkthrough struct {
		RuleID   string   `json:"rule_id"`
		Safety   bool     `json:"safety"`
		Messages []string `json:"messages"`
	} `json:"walkthrough"`
}

func kbMatch(t *testing.T, s *apptest.Service, token, query, text, category string) kbMatches {
	t.Helper()
	var m kbMatches
	kbCall(t, s.URL(), token, "POST", "/api/v1/kb/match"+query,
		jsonBody(t, map[string]string{"text": text, "category": category})).want(t, http.StatusOK).into(t, &m)
	return m
}

func TestKBMatchRanksThePublishedRules(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		agent := kbUser(t, s, "agent1", staff.RoleAgent)

		m := kbMatch(t, s, agent, "", "冰箱不制冷了，东西都放坏了", "")
		if m.Version != "1" || len(m.Matches) == 0 || m.Matches[0].ID != "fridge-not-cold" || len(m.Matches[0].Reasons) == 0 {
			t.Fatalf("match = %+v", m)
		}
		for i := 1; i < len(m.Matches); i++ {
			if m.Matches[i].Score > m.Matches[i-1].Score && !m.Matches[i-1].Safety {
				t.Errorf("matches not ranked by score: %+v", m.Matches)
			}
		}
		if w := m.Walkthrough; w.RuleID != "fridge-not-cold" || w.Safety || len(w.Messages) != len(m.Matches[0].Steps) ||
			!strings.Contains(w.Messages[0], m.Matches[0].Steps[0]) {
			t.Fatalf("walkthrough = %+v", w)
		}

		hazard := kbMatch(t, s, agent, "", "燃气灶那边有很重的煤气味", "range_hood_stove")
		if w := hazard.Walkthrough; !w.Safety || len(w.Messages) != 1 || !hazard.Matches[0].Safety {
			t.Fatalf("hazard walkthrough = %+v", hazard)
		}

		kbCall(t, s.URL(), "", "POST", "/api/v1/kb/match", `{"text":"冰箱不制冷"}`).want(t, http.StatusUnauthorized)
		kbCall(t, s.URL(), agent, "POST", "/api/v1/kb/match?draft=1", `{"text":"冰箱不制冷"}`).want(t, http.StatusForbidden)
		kbCall(t, s.URL(), agent, "POST", "/api/v1/kb/match", `{"text":""}`).want(t, http.StatusBadRequest)
		kbCall(t, s.URL(), agent, "POST", "/api/v1/kb/match", `{"text":"不制冷","category":"toaster"}`).want(t, http.StatusBadRequest)
		kbCall(t, s.URL(), agent, "GET", "/api/v1/kb/rules", "").want(t, http.StatusForbidden)
	})
}

type kbProblems struct {
	Error    string `json:"error"`
	Problems []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Field   string `json:"field"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"problems"`
}

func TestKBEditRulesWithProblemsAtTheirLine(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		editor := kbUser(t, s, "editor1", staff.RoleEditor)
		base := s.URL()

		// YAML text: the problem's line is a line of the text sent.
		var p kbProblems
		bad := strings.Replace(kbRule, "priority: routine", "priority: soon", 1)
		kbCall(t, base, editor, "POST", "/api/v1/kb/rules", bad).want(t, http.StatusUnprocessableEntity).into(t, &p)
		if p.Error != "invalid" || len(p.Problems) != 1 || p.Problems[0].Line != 12 || p.Problems[0].Field != "unresolved.priority" ||
			p.Problems[0].Code != "bad_enum" || !strings.Contains(p.Problems[0].Message, "第 12 行") {
			t.Fatalf("problems = %+v", p)
		}
		// A JSON form: the problem's field.
		var form map[string]any
		if err := json.Unmarshal([]byte(`{"id":"laptop-keyboard-light","title":"键盘","categories":["laptop"],
			"triggers":{"keywords":["键盘背光不亮"]},"unresolved":{"fault_class":"hardware","priority":"routine","price":{"parts":[0,1],"labour":[5,1]}},
			"samples":["a","b","c"]}`), &form); err != nil {
			t.Fatal(err)
		}
		p = kbProblems{}
		kbCall(t, base, editor, "POST", "/api/v1/kb/rules", jsonBody(t, form)).want(t, http.StatusUnprocessableEntity).into(t, &p)
		if len(p.Problems) != 1 || p.Problems[0].Field != "unresolved.price.labour" || p.Problems[0].Code != "price_range" {
			t.Fatalf("form problems = %+v", p)
		}

		kbCall(t, base, editor, "POST", "/api/v1/kb/rules", kbRule).want(t, http.StatusCreated)
		var list struct {
			Items []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"items"`
			Draft knowledge.DraftInfo `json:"draft"`
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/rules?q=%E9%94%AE%E7%9B%98%E8%83%8C%E5%85%89&category=laptop", "").want(t, http.StatusOK).into(t, &list)
		if len(list.Items) != 1 || list.Items[0].ID != "laptop-keyboard-light" || list.Items[0].Status != "new" || !list.Draft.Changed {
			t.Fatalf("search for 键盘背光 = %+v", list)
		}

		var got struct {
			Rule map[string]any `json:"rule"`
			YAML string         `json:"yaml"`
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/rules/laptop-keyboard-light", "").want(t, http.StatusOK).into(t, &got)
		if got.YAML != kbRule || got.Rule["title"] != "笔记本键盘背光不亮" {
			t.Fatalf("rule = %+v", got)
		}
		// Edit as a form: the object the GET returned, one field changed.
		got.Rule["title"] = "笔记本键盘背光灯不亮"
		kbCall(t, base, editor, "PUT", "/api/v1/kb/rules/laptop-keyboard-light", jsonBody(t, got.Rule)).want(t, http.StatusOK)
		kbCall(t, base, editor, "PUT", "/api/v1/kb/rules/no-such-rule", kbRule).want(t, http.StatusNotFound)
		kbCall(t, base, editor, "DELETE", "/api/v1/kb/rules/laptop-bsod", "").want(t, http.StatusNoContent)
		kbCall(t, base, editor, "GET", "/api/v1/kb/rules/laptop-bsod", "").want(t, http.StatusNotFound)
	})
}

func TestKBPreviewPublishAndRollBack(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		editor := kbUser(t, s, "editor1", staff.RoleEditor)
		agent := kbUser(t, s, "agent1", staff.RoleAgent)
		base := s.URL()
		kbCall(t, base, editor, "POST", "/api/v1/kb/rules", kbRule).want(t, http.StatusCreated)

		// The preview sees the draft; customers (and the published match) do not yet.
		if m := kbMatch(t, s, editor, "?draft=1", "笔记本键盘背光不亮了", "laptop"); m.Version != "draft" ||
			m.Matches[0].ID != "laptop-keyboard-light" || len(m.Walkthrough.Messages) != 2 {
			t.Fatalf("draft preview = %+v", m)
		}
		if m := kbMatch(t, s, editor, "", "笔记本键盘背光不亮了", "laptop"); len(m.Matches) > 0 && m.Matches[0].ID == "laptop-keyboard-light" {
			t.Fatal("the published rules have the draft rule")
		}

		kbCall(t, base, agent, "POST", "/api/v1/kb/publish", `{"message":"x"}`).want(t, http.StatusForbidden)
		var pub struct{ Revision knowledge.Revision }
		kbCall(t, base, editor, "POST", "/api/v1/kb/publish", `{"message":"新增键盘背光规则"}`).want(t, http.StatusOK).into(t, &pub)
		if pub.Revision.Version != 2 || pub.Revision.Author != "editor1" || pub.Revision.Message != "新增键盘背光规则" {
			t.Fatalf("published %+v", pub.Revision)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/publish", `{"message":"again"}`).want(t, http.StatusConflict)
		waitServing(t, s, "2")
		if m := kbMatch(t, s, agent, "", "笔记本键盘背光不亮了", "laptop"); m.Version != "2" || m.Matches[0].ID != "laptop-keyboard-light" {
			t.Fatalf("published match = %+v", m)
		}

		var hist struct {
			Current int                  `json:"current"`
			Items   []knowledge.Revision `json:"items"`
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/history", "").want(t, http.StatusOK).into(t, &hist)
		if hist.Current != 2 || len(hist.Items) != 2 || hist.Items[1].Status != knowledge.RevisionSuperseded {
			t.Fatalf("history = %+v", hist)
		}
		var diff struct {
			From, To string
			Files    []knowledge.FileDiff
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/diff?from=1&to=2", "").want(t, http.StatusOK).into(t, &diff)
		if len(diff.Files) != 1 || diff.Files[0].File != "rules/laptop.yaml" || !strings.Contains(diff.Files[0].Unified(), "+  - id: laptop-keyboard-light") {
			t.Fatalf("diff = %+v", diff)
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/diff?from=x", "").want(t, http.StatusBadRequest)

		var back struct{ Revision knowledge.Revision }
		kbCall(t, base, editor, "POST", "/api/v1/kb/rollback", `{"version":1}`).want(t, http.StatusOK).into(t, &back)
		if back.Revision.Version != 3 || back.Revision.Source != 1 {
			t.Fatalf("rollback = %+v", back.Revision)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/rollback", `{"version":42}`).want(t, http.StatusNotFound)
		waitServing(t, s, "3")

		entries, _, err := s.Staff.Audit(context.Background(), staff.AuditFilter{}, staff.Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]string{}
		for _, e := range entries {
			actions[e.Action] = e.Actor + " " + e.Target
		}
		for action, want := range map[string]string{"rule.edit": "editor1 laptop-keyboard-light", staff.ActionRulesPublish: "editor1 2", "rules.rollback": "editor1 3"} {
			if actions[action] != want {
				t.Errorf("audit %s = %q, want %q", action, actions[action], want)
			}
		}
	})
}

// waitServing waits until the service serves the revision.
func waitServing(t *testing.T, s *apptest.Service, version string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for s.Knowledge().Set().Version != version {
		if time.Now().After(deadline) {
			t.Fatalf("still serving %s, want %s", s.Knowledge().Set().Version, version)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestKBPublishRefusesAFailingSelfTest(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := kbUser(t, s, "editor1", staff.RoleEditor)
	weak := strings.NewReplacer("laptop-keyboard-light", "fridge-odd", "[laptop]", "[refrigerator]",
		"笔记本键盘背光不亮了", "冰箱不制冷了", "键盘灯不亮怎么办", "冰箱冷藏室不冷").Replace(kbRule)
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/rules", weak).want(t, http.StatusCreated)
	var st struct {
		Selftest struct {
			Report struct {
				Passed bool `json:"passed"`
			} `json:"report"`
		}
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/selftest", "").want(t, http.StatusOK).into(t, &st.Selftest)
	if st.Selftest.Report.Passed {
		t.Fatal("the self-test of the draft passed")
	}
	var refused struct {
		Error  string `json:"error"`
		Report struct {
			Passed   bool `json:"passed"`
			Failures []struct {
				RuleID string `json:"rule_id"`
				Got    []struct {
					RuleID string `json:"rule_id"`
				} `json:"got"`
			} `json:"failures"`
		} `json:"report"`
	}
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/publish", `{"message":"weak"}`).want(t, http.StatusUnprocessableEntity).into(t, &refused)
	if refused.Error != "self_test_failed" || len(refused.Report.Failures) == 0 || refused.Report.Failures[0].RuleID != "fridge-odd" ||
		refused.Report.Failures[0].Got[0].RuleID != "fridge-not-cold" {
		t.Fatalf("refusal = %+v", refused)
	}
	if v := s.Knowledge().Set().Version; v != "1" {
		t.Fatalf("serving %s after a refused publish", v)
	}
}

func TestKBExportAndImport(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := kbUser(t, s, "editor1", staff.RoleEditor)
	var exp struct {
		Version string            `json:"version"`
		Files   map[string]string `json:"files"`
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/export", "").want(t, http.StatusOK).into(t, &exp)
	if exp.Version != "1" || len(exp.Files) < 10 || exp.Files["categories.yaml"] == "" {
		t.Fatalf("export = version %s with %d files", exp.Version, len(exp.Files))
	}
	exp.Files["rules/laptop.yaml"] += "\n  - " + strings.ReplaceAll(strings.TrimSuffix(kbRule, "\n"), "\n", "\n    ") + "\n"
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/import", jsonBody(t, map[string]any{"files": exp.Files})).want(t, http.StatusOK)
	var draft struct {
		Files map[string]string `json:"files"`
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/export?version=draft", "").want(t, http.StatusOK).into(t, &draft)
	if draft.Files["rules/laptop.yaml"] != exp.Files["rules/laptop.yaml"] {
		t.Fatal("the draft does not export what was imported")
	}

	exp.Files["rules/tv.yaml"] = "rules:\n  - id: tv-x\n    title: 电视\n    categories: [tv]\n"
	var p kbProblems
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/import", jsonBody(t, map[string]any{"files": exp.Files})).
		want(t, http.StatusUnprocessableEntity).into(t, &p)
	found := false
	for _, pr := range p.Problems {
		found = found || (pr.File == "rules/tv.yaml" && pr.Line == 4 && pr.Code == "unknown_category")
	}
	if !found {
		t.Fatalf("no problem at rules/tv.yaml:4 in %+v", p)
	}
}

func TestKBStatsPerRule(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	editor := kbUser(t, s, "editor1", staff.RoleEditor)
	ctx := context.Background()
	for _, o := range []knowledge.Outcome{knowledge.OutcomeShown, knowledge.OutcomeShown, knowledge.OutcomeSolved, knowledge.OutcomeEscalated} {
		if err := s.Stats.Record(ctx, "fridge-not-cold", o); err != nil {
			t.Fatal(err)
		}
	}
	var stats struct {
		Items []struct {
			ID        string  `json:"id"`
			Published bool    `json:"published"`
			Shown     int     `json:"shown"`
			Solved    int     `json:"solved"`
			Escalated int     `json:"escalated"`
			Abandoned int     `json:"abandoned"`
			SolveRate float64 `json:"solve_rate"`
		} `json:"items"`
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/stats", "").want(t, http.StatusOK).into(t, &stats)
	first := stats.Items[0]
	if first.ID != "fridge-not-cold" || !first.Published || first.Shown != 2 || first.Solved != 1 || first.Escalated != 1 || first.SolveRate != 0.5 {
		t.Fatalf("stats = %+v", stats.Items[:2])
	}
	if len(stats.Items) != len(s.Knowledge().Set().Rules) {
		t.Fatalf("%d rules in the stats, want every published rule", len(stats.Items))
	}
}
