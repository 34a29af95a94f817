package handlers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// faqEntryForMatrix is a valid FAQ entry whose samples no other entry or rule shares.
func faqEntryForMatrix(id string) knowledge.FAQ {
	return knowledge.FAQ{ID: id, Title: "矩阵问答 " + id, Answer: "这是矩阵测试的答案。", Keywords: []string{"矩阵暗号" + id},
		Samples: []string{
			"矩阵暗号" + id + "是什么", "请问矩阵暗号" + id, "矩阵暗号" + id + "咋回事", "矩阵暗号" + id + "在哪看",
			"想问下矩阵暗号" + id, "矩阵暗号" + id + "？？", "juzhen 矩阵暗号" + id, "矩阵暗号" + id + "怎么说😅",
		}}
}

// matrixFAQ is faqEntryForMatrix as the API's JSON.
func matrixFAQ(id string) string {
	e := faqEntryForMatrix(id)
	b, _ := json.Marshal(map[string]any{"id": e.ID, "title": e.Title, "answer": e.Answer, "keywords": e.Keywords, "samples": e.Samples})
	return string(b)
}

func TestKBFAQEditPreviewPublish(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		editor := kbUser(t, s, "editor1", staff.RoleEditor)
		agent := kbUser(t, s, "agent1", staff.RoleAgent)
		base := s.URL()

		kbCall(t, base, agent, "GET", "/api/v1/kb/faq", "").want(t, http.StatusForbidden)
		kbCall(t, base, editor, "GET", "/api/v1/kb/faq/nope", "").want(t, http.StatusNotFound)
		kbCall(t, base, editor, "DELETE", "/api/v1/kb/faq/nope", "").want(t, http.StatusNotFound)
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq", "id: x").want(t, http.StatusUnsupportedMediaType)

		// Too few samples, no answer, an id a rule has: 422 with the fields.
		var p kbProblems
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq", `{"id":"fridge-not-cold","title":"x","samples":["一","二"]}`).
			want(t, http.StatusUnprocessableEntity).into(t, &p)
		got := ""
		for _, pr := range p.Problems {
			got += pr.Code + " "
		}
		for _, want := range []string{"duplicate_id", "required", "few_samples"} {
			if !strings.Contains(got, want) {
				t.Errorf("problems %q lack %s", got, want)
			}
		}

		entry := `{"id":"faq-remote-battery","title":"遥控器电池怎么换","categories":["air_conditioner"],
			"answer":"空调遥控器背面向下推开电池盖，换两节 7 号电池，注意正负极。","image":"https://example.com/remote.jpg",
			"samples":["遥控器电池怎么换","遥控器没电了咋换电池","空调遥控器用几号电池","遥控器电池盖怎么打开",
				"yaokongqi dianchi zenme huan","遥控器换电池🔋怎么弄","请问遥控器的电池在哪换","老人问遥控器电池怎么装"]}`
		var saved struct {
			ID, Status string
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq", entry).want(t, http.StatusCreated).into(t, &saved)
		if saved.ID != "faq-remote-battery" || saved.Status != "new" {
			t.Fatalf("created %+v", saved)
		}

		var pv struct {
			GoesTo string `json:"goes_to"`
			FAQ    struct{ ID string }
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":"请问遥控器用几号电池？"}`).want(t, http.StatusOK).into(t, &pv)
		if pv.GoesTo != "faq" || pv.FAQ.ID != "faq-remote-battery" {
			t.Fatalf("preview = %+v", pv)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":"外机冒烟了 正常吗"}`).want(t, http.StatusOK).into(t, &pv)
		if pv.GoesTo != "hazard" {
			t.Fatalf("hazard preview = %+v", pv)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":""}`).want(t, http.StatusBadRequest)

		kbCall(t, base, editor, "POST", "/api/v1/kb/publish", `{"message":"遥控器电池问答"}`).want(t, http.StatusOK)
		waitServing(t, s, "2")
		kbCall(t, base, editor, "GET", "/api/v1/kb/faq/faq-remote-battery", "").want(t, http.StatusOK).into(t, &saved)
		if saved.Status != "" {
			t.Fatalf("after publish: %+v", saved)
		}

		kbCall(t, base, editor, "DELETE", "/api/v1/kb/faq/faq-remote-battery", "").want(t, http.StatusNoContent)
		var list struct {
			Deleted []string `json:"deleted"`
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/faq", "").want(t, http.StatusOK).into(t, &list)
		if len(list.Deleted) != 1 || list.Deleted[0] != "faq-remote-battery" {
			t.Fatalf("deleted = %v", list.Deleted)
		}
	})
}
