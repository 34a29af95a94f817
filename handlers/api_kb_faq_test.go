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

		entry := `{"id":"faq-fridge-temp","title":"冰箱温度调几度合适","categories":["refrigerator"],
			"answer":"冷藏室建议 2–5℃，冷冻室 -18℃ 左右。","image":"https://example.com/fridge-dial.jpg",
			"samples":["冰箱温度调几度合适","冷藏室温度设多少好","冰箱冷冻室调到几度","bingxiang wendu tiao jidu",
				"冰箱温度怎么调🌡️","请问冰箱冷藏几度合适","夏天冰箱调几档好","老人问冰箱温度开多少"]}`
		var saved struct {
			ID, Status string
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq", entry).want(t, http.StatusCreated).into(t, &saved)
		if saved.ID != "faq-fridge-temp" || saved.Status != "new" {
			t.Fatalf("created %+v", saved)
		}

		var pv struct {
			GoesTo string `json:"goes_to"`
			FAQ    struct{ ID string }
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":"冰箱温度开多少合适？"}`).want(t, http.StatusOK).into(t, &pv)
		if pv.GoesTo != "faq" || pv.FAQ.ID != "faq-fridge-temp" {
			t.Fatalf("preview = %+v", pv)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":"外机冒烟了 正常吗"}`).want(t, http.StatusOK).into(t, &pv)
		if pv.GoesTo != "hazard" {
			t.Fatalf("hazard preview = %+v", pv)
		}
		kbCall(t, base, editor, "POST", "/api/v1/kb/faq/preview", `{"text":""}`).want(t, http.StatusBadRequest)

		kbCall(t, base, editor, "POST", "/api/v1/kb/publish", `{"message":"冰箱温度问答"}`).want(t, http.StatusOK)
		waitServing(t, s, "2")
		kbCall(t, base, editor, "GET", "/api/v1/kb/faq/faq-fridge-temp", "").want(t, http.StatusOK).into(t, &saved)
		if saved.Status != "" {
			t.Fatalf("after publish: %+v", saved)
		}

		kbCall(t, base, editor, "DELETE", "/api/v1/kb/faq/faq-fridge-temp", "").want(t, http.StatusNoContent)
		var list struct {
			Deleted []string `json:"deleted"`
		}
		kbCall(t, base, editor, "GET", "/api/v1/kb/faq", "").want(t, http.StatusOK).into(t, &list)
		if len(list.Deleted) != 1 || list.Deleted[0] != "faq-fridge-temp" {
			t.Fatalf("deleted = %v", list.Deleted)
		}
	})
}
