package effects_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
)

// A customer who asks for a person, and a complaint, are posted to the staff's 企业微信
// group robot (a fake here) with the ticket's number and console link; a ticket nobody
// waits for that is not urgent is not. The customer's phone is in no alert.
func TestStaffAlerts(t *testing.T) {
	var mu sync.Mutex
	var posts []string
	posted := make(chan struct{}, 16)
	robot := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m struct {
			Markdown struct{ Content string } `json:"markdown"`
		}
		if r.URL.Query().Get("key") != "robot-key-1" || json.NewDecoder(r.Body).Decode(&m) != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		mu.Lock()
		posts = append(posts, m.Markdown.Content)
		mu.Unlock()
		select {
		case posted <- struct{}{}:
		default:
		}
		w.Write([]byte(`{"errcode":0,"errmsg":"ok"}`))
	}))
	defer robot.Close()
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) {
		c.Alerts.WeComURL, c.Alerts.WeComKey = robot.URL+"/cgi-bin/webhook/send", "robot-key-1"
	}})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()

	quiet := ticketIn(t, s, chat(t, c, "o_alert_quiet", "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"))
	if _, err := c.Say(ctx, "o_alert_human", "冰箱漏水"); err != nil {
		t.Fatal(err)
	}
	r, err := c.Say(ctx, "o_alert_human", "转人工")
	if err != nil {
		t.Fatal(err)
	}
	waiting := ticketIn(t, s, r.Text)

	select {
	case <-posted:
	case <-time.After(5 * time.Second):
		t.Fatal("no alert within 5 s")
	}
	time.Sleep(100 * time.Millisecond) // anything else posted would be there by now
	mu.Lock()
	got := append([]string(nil), posts...)
	mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("%d alerts, want 1 (the waiting customer): %q", len(got), got)
	}
	for _, want := range []string{waiting.Number, "客户等待人工", "冰箱", s.URL() + "/console/tickets/" + waiting.Number} {
		if !strings.Contains(got[0], want) {
			t.Errorf("alert lacks %q:\n%s", want, got[0])
		}
	}
	if strings.Contains(got[0], quiet.Number) || strings.Contains(got[0], "13812345678") {
		t.Errorf("alert:\n%s", got[0])
	}
}
