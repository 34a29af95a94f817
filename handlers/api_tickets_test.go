package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

type listAnswer struct {
	Items []map[string]any `json:"items"`
	Total int              `json:"total"`
	Page  int              `json:"page"`
}

func list(t *testing.T, c *console, tok, query string) (reply, listAnswer) {
	t.Helper()
	r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets" + query, Bearer: tok})
	var la listAnswer
	if r.Status == http.StatusOK {
		if err := json.Unmarshal(r.Body, &la); err != nil {
			t.Fatal(err)
		}
	}
	return r, la
}

func numbers(la listAnswer) []string {
	var out []string
	for _, it := range la.Items {
		out = append(out, it["number"].(string))
	}
	return out
}

func TestTicketList(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		agent := token(t, s, "agent1")
		normal := newTicket(t, s, "o_list")
		urgent := newTicket(t, s, "o_list", func(tk *triage.Ticket) { tk.Priority = triage.PriorityUrgent })
		cancelled := newTicket(t, s, "o_list")
		other := newTicket(t, s, "o_other")
		if _, err := s.Tickets.UpdateStatus(context.Background(), cancelled, triage.StatusChange{
			From: triage.StatusNew, To: triage.StatusCancelled, At: time.Now(), By: "agent1"}); err != nil {
			t.Fatal(err)
		}

		r, la := list(t, c, agent, "")
		if r.Status != http.StatusOK || la.Total != 3 || strings.Join(numbers(la), " ") != urgent+" "+normal+" "+other {
			t.Fatalf("queue = %d %v (total %d), want urgent, normal, other", r.Status, numbers(la), la.Total)
		}
		it := la.Items[1]
		for _, field := range []string{"number", "status", "status_label", "priority", "fault_class", "warranty",
			"category", "sla_due_at", "created_at", "assignee", "reasons", "openid"} {
			if _, ok := it[field]; !ok {
				t.Errorf("item lacks %s: %v", field, it)
			}
		}
		if it["status_label"] != "新建" || it["category"] != "refrigerator" || it["openid"] != "o_list" ||
			len(it["reasons"].([]any)) != 4 {
			t.Errorf("item %v", it)
		}
		if _, err := time.Parse(time.RFC3339, it["sla_due_at"].(string)); err != nil {
			t.Errorf("sla_due_at: %v", err)
		}

		cases := []struct {
			query string
			want  []string
		}{
			{"?priority=urgent", []string{urgent}},
			{"?status=new", []string{urgent, normal, other}},
			{"?status=accepted,diagnosing", nil},
			{"?category=refrigerator&per_page=1&page=2", []string{normal}},
			{"?openid=o_list", []string{cancelled, urgent, normal}}, // newest first, any status
			{"?openid=o_list&status=cancelled", []string{cancelled}},
			{"?openid=o_list&per_page=2&page=2", []string{normal}},
			{"?assignee=none&priority=normal", []string{normal, other}},
			{"?assignee=me", nil},
		}
		for _, tc := range cases {
			r, la := list(t, c, agent, tc.query)
			if r.Status != http.StatusOK || strings.Join(numbers(la), " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s: %d %v, want %v", tc.query, r.Status, numbers(la), tc.want)
			}
		}
		for _, q := range []string{"?status=cancelled", "?status=flying", "?priority=soon", "?page=0", "?per_page=201", "?page=x"} {
			if r, _ := list(t, c, agent, q); r.Status != http.StatusBadRequest || r.Code(t) != "invalid" {
				t.Errorf("%s: %d %s", q, r.Status, r.Body)
			}
		}
	})
}

// TestEditorsSeeNoPersonalData: an editor reads tickets as fault reports — the list
// without OpenIDs, the detail without contact details, attachments, transcript or notes —
// and cannot search by OpenID; an agent sees everything.
func TestEditorsSeeNoPersonalData(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		number := newTicket(t, s, "o_pii_customer")
		agent, editor := token(t, s, "agent1"), token(t, s, "editor1")
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/notes",
			Body: `{"text":"客户说下午在家"}`, Bearer: agent}); r.Status != http.StatusCreated {
			t.Fatalf("note: %d %s", r.Status, r.Body)
		}
		personal := []string{"13800138000", "世纪大道", "张伟", "o_pii_customer", "media-photo-1", "请问冰箱", "客户说下午在家"}

		detail := func(tok string) reply {
			return do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + number, Bearer: tok})
		}
		r := detail(agent)
		if r.Status != http.StatusOK {
			t.Fatalf("agent: %d %s", r.Status, r.Body)
		}
		for _, p := range personal {
			if !strings.Contains(string(r.Body), p) {
				t.Errorf("the agent does not see %q", p)
			}
		}
		m := r.JSON(t)
		if m["redacted"] != false || len(m["transcript"].([]any)) != 2 || len(m["notes"].([]any)) != 1 || len(m["history"].([]any)) != 1 {
			t.Errorf("agent's detail: %s", r.Body)
		}

		r = detail(editor)
		if r.Status != http.StatusOK {
			t.Fatalf("editor: %d %s", r.Status, r.Body)
		}
		for _, p := range personal {
			if strings.Contains(string(r.Body), p) {
				t.Errorf("the editor sees %q", p)
			}
		}
		m = r.JSON(t)
		for _, key := range []string{"customer", "transcript", "notes", "openid", "attachments", "comment"} {
			if _, ok := m[key]; ok {
				t.Errorf("the editor's detail has %q", key)
			}
		}
		if m["redacted"] != true || m["symptom"] != "冰箱漏水" || len(m["triage"].(map[string]any)["reasons"].([]any)) != 4 {
			t.Errorf("the editor's detail lacks the fault report: %s", r.Body)
		}

		if r, la := list(t, c, editor, ""); r.Status != http.StatusOK || len(la.Items) != 1 || la.Items[0]["openid"] != nil {
			t.Errorf("editor's list: %d %s", r.Status, r.Body)
		}
		if r, _ := list(t, c, editor, "?openid=o_pii_customer"); r.Status != http.StatusForbidden {
			t.Errorf("editor searched by OpenID: %d", r.Status)
		}
	})
}

// TestCustomerTextStaysInert: what a customer typed comes back as JSON strings, escaped,
// never as markup a browser would run.
func TestCustomerTextStaysInert(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		evil := `<script>alert(document.cookie)</script><img src=x onerror=alert(1)>`
		number := newTicket(t, s, "o_xss", func(tk *triage.Ticket) { tk.Record.Case.Symptom = evil })
		if err := s.Tickets.AppendTranscript(context.Background(), number,
			triage.TranscriptEntry{At: time.Now(), Role: triage.RoleCustomer, Text: evil}); err != nil {
			t.Fatal(err)
		}
		agent := token(t, s, "agent1")
		for _, path := range []string{"/api/v1/tickets/" + number, "/api/v1/tickets"} {
			r := do(t, plain, c.URL, request{Method: "GET", Path: path, Bearer: agent})
			if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") ||
				r.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("%s: %d %v", path, r.Status, r.Header)
			}
			if strings.Contains(string(r.Body), "<script") || strings.Contains(string(r.Body), "<img") ||
				!strings.Contains(string(r.Body), `\u003cscript\u003e`) {
				t.Fatalf("%s: markup is not escaped: %s", path, r.Body)
			}
		}
		r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + number, Bearer: agent})
		var d struct {
			Symptom    string                  `json:"symptom"`
			Transcript []struct{ Text string } `json:"transcript"`
		}
		if err := json.Unmarshal(r.Body, &d); err != nil || d.Symptom != evil || d.Transcript[len(d.Transcript)-1].Text != evil {
			t.Fatalf("the text did not round-trip: %+v %v", d, err)
		}
	})
}

func TestStatusChanges(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		agent := token(t, s, "agent1")
		number := newTicket(t, s, "o_status")
		set := func(body string) reply {
			return do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/status", Body: body, Bearer: agent})
		}
		r := set(`{"status":"completed"}`)
		if r.Status != http.StatusConflict || r.Code(t) != "invalid_transition" || r.JSON(t)["message"] != (&triage.TransitionError{From: triage.StatusNew, To: triage.StatusCompleted}).Message() {
			t.Fatalf("new → completed: %d %s", r.Status, r.Body)
		}
		for _, body := range []string{`{"status":"flying"}`, `{"status":""}`, `{}`} {
			if r := set(body); r.Status != http.StatusBadRequest {
				t.Errorf("%s: %d %s", body, r.Status, r.Body)
			}
		}
		r = set(`{"status":"accepted","note":"已电话联系"}`)
		if r.Status != http.StatusOK || r.JSON(t)["status_label"] != "已受理" {
			t.Fatalf("new → accepted: %d %s", r.Status, r.Body)
		}
		if r := set(`{"status":"accepted"}`); r.Status != http.StatusConflict {
			t.Fatalf("accepted → accepted: %d %s", r.Status, r.Body)
		}
		// The customer is told, through the notifier's outbox.
		var notices int64
		if err := s.DB.Table("outbox").Where("ticket_number = ? AND kind = ?", number, "status_changed").Count(&notices).Error; err != nil || notices != 1 {
			t.Fatalf("%d status notifications queued (%v), want 1", notices, err)
		}
		history, _ := s.Tickets.History(context.Background(), number)
		if last := history[len(history)-1]; last.By != "agent1" || last.Note != "已电话联系" || last.To != triage.StatusAccepted {
			t.Fatalf("history %+v", last)
		}
		audit := auditActions(t, s, staff.AuditFilter{Action: staff.ActionStatus, Target: number})
		if len(audit) != 1 || audit[0].Actor != "agent1" || !strings.Contains(string(audit[0].Detail), `"from":"new"`) {
			t.Fatalf("audit %+v", audit)
		}
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/RS20990101-0001/status",
			Body: `{"status":"accepted"}`, Bearer: agent}); r.Status != http.StatusNotFound || r.Code(t) != "ticket_not_found" {
			t.Fatalf("unknown ticket: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/RS20990101-0001", Bearer: agent}); r.Status != http.StatusNotFound {
			t.Fatalf("unknown ticket detail: %d", r.Status)
		}
	})
}

func TestAssign(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		a1, a2, admin := token(t, s, "agent1"), token(t, s, "agent2"), token(t, s, "admin1")
		number := newTicket(t, s, "o_assign")
		assign := func(tok, assignee string) reply {
			return do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/assign",
				Body: `{"assignee":"` + assignee + `"}`, Bearer: tok})
		}
		steps := []struct {
			name   string
			tok    string
			to     string
			status int
			holder string
		}{
			{"agent assigns to another", a1, "agent2", 403, ""},
			{"agent claims", a1, "agent1", 200, "agent1"},
			{"claims again", a1, "agent1", 200, "agent1"},
			{"another agent claims it", a2, "agent2", 409, "agent1"},
			{"another agent releases it", a2, "", 409, "agent1"},
			{"holder releases", a1, "", 200, ""},
			{"admin assigns to an editor", admin, "editor1", 400, ""},
			{"admin assigns to nobody known", admin, "ghost", 400, ""},
			{"admin assigns", admin, "agent2", 200, "agent2"},
			{"admin reassigns", admin, "AGENT1", 200, "agent1"},
		}
		for _, st := range steps {
			r := assign(st.tok, st.to)
			if r.Status != st.status {
				t.Fatalf("%s: %d %s, want %d", st.name, r.Status, r.Body, st.status)
			}
			tk, _ := s.Tickets.Get(context.Background(), number)
			if tk.Assignee != st.holder {
				t.Fatalf("%s: assignee %q, want %q", st.name, tk.Assignee, st.holder)
			}
		}
		if _, la := list(t, c, a1, "?assignee=me"); len(la.Items) != 1 || la.Items[0]["assignee"] != "agent1" {
			t.Errorf("assignee=me: %v", la.Items)
		}
		if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionAssign, Target: number}); len(got) != 4 {
			t.Errorf("%d assignments audited, want 4 (claim, release, assign, reassign)", len(got))
		}
	})
}

func TestChat(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		agent := token(t, s, "agent1")
		number := newTicket(t, s, "o_chat")
		post := func(sub, body string) reply {
			return do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + sub, Body: body, Bearer: agent})
		}
		if r := post("/takeover", ""); r.Status != http.StatusNoContent {
			t.Fatalf("takeover: %d %s", r.Status, r.Body)
		}
		for _, body := range []string{`{"text":"  "}`, `{"text":"` + strings.Repeat("好", 601) + `"}`, `{}`} {
			if r := post("/reply", body); r.Status != http.StatusBadRequest {
				t.Errorf("reply %.30s: %d", body, r.Status)
			}
		}
		if r := post("/reply", `{"text":"您好，工程师明天上午上门"}`); r.Status != http.StatusOK || r.JSON(t)["delivered"] != true {
			t.Fatalf("reply: %d %s", r.Status, r.Body)
		}
		if r := post("/handback", ""); r.Status != http.StatusNoContent {
			t.Fatalf("handback: %d %s", r.Status, r.Body)
		}
		want := []string{"takeover " + number + " agent1", "reply " + number + " agent1 您好，工程师明天上午上门", "handback " + number + " agent1"}
		if strings.Join(c.Chat.calls, "|") != strings.Join(want, "|") {
			t.Fatalf("chat calls %q", c.Chat.calls)
		}
		for _, action := range []string{staff.ActionTakeover, staff.ActionHandback} {
			if got := auditActions(t, s, staff.AuditFilter{Action: action, Target: number}); len(got) != 1 || got[0].Actor != "agent1" {
				t.Errorf("%s audited %+v", action, got)
			}
		}
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/RS20990101-0001/takeover", Bearer: agent}); r.Status != http.StatusNotFound {
			t.Fatalf("takeover of an unknown ticket: %d", r.Status)
		}
		if len(c.Chat.calls) != 3 {
			t.Fatal("ChatControl was called for an unknown ticket")
		}

		// Without a ChatControl: 503, with a message staff read.
		r := do(t, plain, serveConsole(t, s, nil).URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/takeover", Bearer: token(t, s, "agent1")})
		if r.Status != http.StatusServiceUnavailable || r.Code(t) != "chat_unavailable" {
			t.Fatalf("without live chat: %d %s", r.Status, r.Body)
		}
	})
}

func TestNotesStayInternal(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	agent := token(t, s, "agent1")
	number := newTicket(t, s, "o_notes")
	r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/notes", Body: `{"text":"内部：客户脾气急"}`, Bearer: agent})
	if r.Status != http.StatusCreated || r.JSON(t)["author"] != "agent1" {
		t.Fatalf("note: %d %s", r.Status, r.Body)
	}
	transcript, _ := s.Tickets.Transcript(context.Background(), number)
	for _, m := range transcript {
		if strings.Contains(m.Text, "客户脾气急") {
			t.Fatal("the note went into the customer transcript")
		}
	}
	for _, sent := range s.API.Sent() {
		if strings.Contains(sent.Raw, "客户脾气急") || strings.Contains(sent.Text, "客户脾气急") {
			t.Fatal("the note was sent to WeChat")
		}
	}
	for _, body := range []string{`{"text":""}`, `{"text":"` + strings.Repeat("字", 2001) + `"}`} {
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/notes", Body: body, Bearer: agent}); r.Status != http.StatusBadRequest {
			t.Errorf("bad note: %d", r.Status)
		}
	}
}

// The facts the warranty verdict rests on reach staff: the delivery day the 三包 days count
// from, the extension's length and whether it is the whole cover, a doubt about the proof
// of purchase and a recent repair the customer claims — in the API and on the ticket page.
func TestTicketDetailWarrantyFacts(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		agent := token(t, s, "agent1")
		number := newTicket(t, s, "o_warranty_facts", func(tk *triage.Ticket) {
			tk.Record.Case.Delivered = triage.Date{Year: 2025, Month: time.March, Day: 12}
			tk.Record.Case.ExtendedWarranty = triage.AnswerYes
			tk.Record.Case.ExtendedMonths, tk.Record.Case.ExtendedTotal = 60, true
			tk.Record.Case.ProofDoubt = "朋友送的"
			tk.Record.Case.RepairClaim = "上个月刚修过"
		})
		var d struct {
			Product struct {
				Delivered      string `json:"delivered"`
				ExtendedMonths int    `json:"extended_months"`
				ExtendedTotal  bool   `json:"extended_total"`
				ProofDoubt     string `json:"proof_doubt"`
			} `json:"product"`
			Fault struct {
				RepairClaim string `json:"repair_claim"`
			} `json:"fault"`
		}
		decodeInto(t, do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + number, Bearer: agent}), &d)
		if d.Product.Delivered != "2025-03-12" || d.Product.ExtendedMonths != 60 || !d.Product.ExtendedTotal ||
			d.Product.ProofDoubt != "朋友送的" || d.Fault.RepairClaim != "上个月刚修过" {
			t.Fatalf("ticket detail %+v", d)
		}
		// A ticket without them says so plainly: no delivery day, the extension unknown.
		plainNumber := newTicket(t, s, "o_warranty_facts_plain")
		decodeInto(t, do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + plainNumber, Bearer: agent}), &d)
		if d.Product.Delivered != "" || d.Product.ExtendedMonths != 0 || d.Product.ExtendedTotal || d.Fault.RepairClaim != "" {
			t.Fatalf("plain ticket detail %+v", d)
		}
	})
}
