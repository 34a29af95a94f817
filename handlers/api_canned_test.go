package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// TestCannedReplies: an admin adds, changes and deletes canned replies, each audited; an
// agent lists them; invalid titles and texts are refused with a field and a Chinese
// message.
func TestCannedReplies(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		admin, agent := token(t, s, "admin1"), token(t, s, "agent1")
		call := func(bearer, method, path, body string) reply {
			return do(t, plain, c.URL, request{Method: method, Path: path, Body: body, Bearer: bearer})
		}
		if r := call(agent, "GET", "/api/v1/canned", ""); r.Status != http.StatusOK || string(r.Body) != "{\"items\":[]}\n" {
			t.Fatalf("a new service has canned replies: %d %s", r.Status, r.Body)
		}

		r := call(admin, "POST", "/api/v1/canned", `{"title":" 预约上门 ","text":"您好，师傅将在两小时内与您联系。"}`)
		if r.Status != http.StatusCreated || r.JSON(t)["title"] != "预约上门" || r.JSON(t)["created_by"] != "admin1" {
			t.Fatalf("create: %d %s", r.Status, r.Body)
		}
		id := strconv.FormatFloat(r.JSON(t)["id"].(float64), 'f', 0, 64)
		if r := call(admin, "POST", "/api/v1/canned", `{"text":"请稍等，我查一下您的工单。"}`); r.Status != http.StatusCreated ||
			r.JSON(t)["label"] != "请稍等，我查一下您的工单。" {
			t.Fatalf("create without a title: %d %s", r.Status, r.Body)
		}

		refused := []struct {
			name, method, path, body, code, field string
			status                                int
		}{
			{"long title", "POST", "/api/v1/canned", `{"title":"` + strings.Repeat("长", 41) + `","text":"好"}`, "invalid", "title", 400},
			{"title on two lines", "POST", "/api/v1/canned", `{"title":"a\nb","text":"好"}`, "invalid", "title", 400},
			{"no text", "POST", "/api/v1/canned", `{"title":"空"}`, "invalid", "text", 400},
			{"blank text", "POST", "/api/v1/canned", `{"title":"空","text":"  \n "}`, "invalid", "text", 400},
			{"long text", "POST", "/api/v1/canned", `{"text":"` + strings.Repeat("字", 601) + `"}`, "invalid", "text", 400},
			{"unknown field", "POST", "/api/v1/canned", `{"text":"好","shared":true}`, "bad_request", "", 400},
			{"long text on update", "PUT", "/api/v1/canned/" + id, `{"text":"` + strings.Repeat("字", 601) + `"}`, "invalid", "text", 400},
			{"update of an unknown reply", "PUT", "/api/v1/canned/999999", `{"text":"好"}`, "canned_not_found", "", 404},
			{"update of a bad id", "PUT", "/api/v1/canned/abc", `{"text":"好"}`, "canned_not_found", "", 404},
			{"delete of an unknown reply", "DELETE", "/api/v1/canned/999999", "", "canned_not_found", "", 404},
			{"an agent adds", "POST", "/api/v1/canned", `{"text":"好"}`, "forbidden", "", 403},
		}
		for _, tc := range refused {
			bearer := admin
			if strings.HasPrefix(tc.name, "an agent") {
				bearer = agent
			}
			r := call(bearer, tc.method, tc.path, tc.body)
			m := r.JSON(t)
			msg, _ := m["message"].(string)
			if r.Status != tc.status || m["error"] != tc.code || (tc.field != "" && m["field"] != tc.field) ||
				msg == "" || strings.HasPrefix(msg, "[") {
				t.Errorf("%s: %d %s", tc.name, r.Status, r.Body)
			}
		}
		if r := call(admin, "POST", "/api/v1/canned", `{"text":"`+strings.Repeat("字", 601)+`"}`); !strings.Contains(r.JSON(t)["message"].(string), "600") {
			t.Errorf("the text message does not give the limit: %s", r.Body)
		}

		if r := call(admin, "PUT", "/api/v1/canned/"+id, `{"title":"上门","text":"师傅今天下午到。"}`); r.Status != http.StatusOK ||
			r.JSON(t)["text"] != "师傅今天下午到。" || r.JSON(t)["updated_by"] != "admin1" {
			t.Fatalf("update: %d %s", r.Status, r.Body)
		}
		r = call(agent, "GET", "/api/v1/canned", "")
		var list struct {
			Items []struct {
				ID    uint64 `json:"id"`
				Title string `json:"title"`
				Text  string `json:"text"`
			} `json:"items"`
		}
		if err := json.Unmarshal(r.Body, &list); err != nil || len(list.Items) != 2 || list.Items[0].Title != "上门" {
			t.Fatalf("list: %d %s", r.Status, r.Body)
		}
		if r := call(admin, "DELETE", "/api/v1/canned/"+id, ""); r.Status != http.StatusNoContent {
			t.Fatalf("delete: %d %s", r.Status, r.Body)
		}
		if r := call(admin, "DELETE", "/api/v1/canned/"+id, ""); r.Status != http.StatusNotFound {
			t.Fatalf("deleted twice: %d %s", r.Status, r.Body)
		}

		entries, _, err := s.Staff.Audit(context.Background(), staff.AuditFilter{Target: "canned:" + id}, staff.Page{})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			if e.Actor != "admin1" {
				t.Errorf("%s by %s", e.Action, e.Actor)
			}
			actions = append(actions, e.Action)
		}
		want := []string{staff.ActionCannedDelete, staff.ActionCannedUpdate, staff.ActionCannedCreate}
		if strings.Join(actions, " ") != strings.Join(want, " ") {
			t.Errorf("audited %v, want %v", actions, want)
		}
	})
}
