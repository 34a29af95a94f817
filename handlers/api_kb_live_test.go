package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// TestAPublishReachesEveryInstance runs two instances of one deployment (one database, one
// Redis, one key prefix), publishes a new hazard rule on the first and requires the second
// to act on it without a restart, while a prober checks that the second never answers with
// half a revision. The bound here is a correctness bound (publishBound), generous enough for
// a loaded CI machine; how fast a publish applies is measured by BenchmarkApplyPublish and
// logged below.
func TestAPublishReachesEveryInstance(t *testing.T) {
	for _, backend := range []apptest.Backend{apptest.Real, apptest.Embedded} {
		t.Run(string(backend), func(t *testing.T) {
			one := apptest.Start(t, backend, apptest.Options{})
			two := apptest.Start(t, backend, apptest.Options{Share: one})
			editor := kbUser(t, one, "editor1", staff.RoleEditor)
			agent := kbUser(t, one, "agent1", staff.RoleAgent)
			const sentence = "机器里漏出紫色粉末了"

			// The prober: every answer of the second instance is the old revision without
			// the rule, or the new one with it first.
			stop := make(chan struct{})
			var probes sync.WaitGroup
			var seen struct {
				sync.Mutex
				versions map[string]int
			}
			seen.versions = map[string]int{}
			probes.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					a := kbCall(t, two.URL(), agent, "POST", "/api/v1/kb/match", `{"text":"`+sentence+`"}`)
					var m kbMatches
					if a.Status != http.StatusOK || json.Unmarshal(a.Body, &m) != nil {
						t.Errorf("probe: %d %s", a.Status, a.Body)
						return
					}
					hasRule := len(m.Matches) > 0 && m.Matches[0].ID == "safety-purple-smoke"
					if hasRule != (m.Version == "2") {
						t.Errorf("half a revision: version %s, first match %+v", m.Version, m.Matches)
					}
					seen.Lock()
					seen.versions[m.Version]++
					seen.Unlock()
				}
			})

			kbCall(t, one.URL(), editor, "POST", "/api/v1/kb/rules", kbHazard).want(t, http.StatusCreated)
			start := time.Now()
			kbCall(t, one.URL(), editor, "POST", "/api/v1/kb/publish", `{"message":"紫色粉末"}`).want(t, http.StatusOK)
			published := time.Since(start)
			for two.Knowledge().Set().Version != "2" {
				if time.Since(start) > publishBound {
					t.Fatalf("the second instance still serves revision %s after %s", two.Knowledge().Set().Version, publishBound)
				}
				time.Sleep(2 * time.Millisecond)
			}
			served := time.Since(start)

			// A customer of the second instance now gets the new rule's advice.
			r, err := two.Client(wxpush.Safe).Say(context.Background(), "o_purple_smoke", sentence)
			if err != nil {
				t.Fatal(err)
			}
			answered := time.Since(start)
			if !strings.Contains(r.Text, "ZX9") && !sentContains(two, "ZX9") {
				t.Fatalf("the second instance's reply lacks the new advice: %q", r.Text)
			}
			if answered > publishBound {
				t.Fatalf("publish to the customer's answer on the other instance took %s", answered)
			}
			t.Logf("publish request %s; served by the other instance after %s; customer answered after %s",
				published.Round(time.Millisecond), served.Round(time.Millisecond), answered.Round(time.Millisecond))

			// Either instance refuses a publish that fails its self-test; both keep serving v2.
			weak := strings.NewReplacer("laptop-keyboard-light", "fridge-odd", "[laptop]", "[refrigerator]",
				"笔记本键盘背光不亮了", "冰箱不制冷了", "键盘灯不亮怎么办", "冰箱冷藏室不冷").Replace(kbRule)
			kbCall(t, two.URL(), editor, "POST", "/api/v1/kb/rules", weak).want(t, http.StatusCreated)
			kbCall(t, two.URL(), editor, "POST", "/api/v1/kb/publish", `{"message":"weak"}`).want(t, http.StatusUnprocessableEntity)
			time.Sleep(100 * time.Millisecond)
			close(stop)
			probes.Wait()
			for _, s := range []*apptest.Service{one, two} {
				if v := s.Knowledge().Set().Version; v != "2" {
					t.Errorf("an instance serves %s, want 2", v)
				}
			}
			t.Logf("probe answers by version: %v", seen.versions)
		})
	}
}

// publishBound is how long a publish may take to reach another instance and its customers
// before the test calls it lost: the announcement over Redis, with the poll as a fallback.
const publishBound = 15 * time.Second

// sentContains reports whether a customer-service message pushed by s holds text.
func sentContains(s *apptest.Service, text string) bool {
	for _, m := range s.API.Sent() {
		if strings.Contains(m.Text, text) {
			return true
		}
	}
	return false
}
