package loadgen

import (
	"encoding/xml"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/silenceper/wechat/v2/util"

	"github.com/wxintake/intake/internal/apptest"
)

func TestCredentialsMatchApptest(t *testing.T) {
	if TestToken != apptest.Token || TestAESKey != apptest.AESKey || TestAppID != apptest.AppID {
		t.Fatal("loadgen's default credentials drifted from internal/apptest")
	}
}

func TestBuildVariesTheConversation(t *testing.T) {
	for _, s := range []Script{Full, Echo} {
		t.Run(string(s), func(t *testing.T) {
			categories, phones, openers := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for n := range 40 {
				c := s.Build("o_x", n)
				if !slices.Equal(c.Turns, s.Build("o_x", n).Turns) {
					t.Fatalf("conversation %d differs between two builds", n)
				}
				if len(c.Turns) < 12 || c.Turns[len(c.Turns)-2] != "确认" {
					t.Fatalf("conversation %d does not run to a confirmation: %q", n, c.Turns)
				}
				if len(c.Stages) != len(c.Turns) || !slices.Equal(slices.Compact(slices.Clone(c.Stages)), Stages) {
					t.Fatalf("conversation %d: stages %q are not %q in order, one per turn", n, c.Stages, Stages)
				}
				categories[c.Category] = true
				openers[c.Turns[1]] = true
				for _, turn := range c.Turns {
					if len(turn) == 11 && strings.HasPrefix(turn, "1") {
						phones[turn] = true
					}
				}
			}
			if len(categories) != len(openers) || len(categories) < 5 {
				t.Errorf("40 conversations cover %d categories and %d openers, want every one of %d", len(categories), len(openers), 5)
			}
			if len(phones) != 40 {
				t.Errorf("40 conversations leave %d different phone numbers", len(phones))
			}
		})
	}
}

// TestPrepareEncryptsEveryTurn decrypts every prepared request as the service does and
// checks it is the intended message, signed, with a MsgId no other request has.
func TestPrepareEncryptsEveryTurn(t *testing.T) {
	urls := []string{"http://127.0.0.1:1/wechat", "http://127.0.0.1:2/wechat", "http://127.0.0.1:3/wechat"}
	p := NewPreparer(urls, TestToken, TestAESKey, TestAppID, rand.New(rand.NewPCG(1, 2)))
	seen := map[int64]bool{}
	perURL := map[string]int{}
	for n := range 12 {
		conv := Full.Build("o_prep_"+string(rune('a'+n)), n)
		prep, err := p.Prepare(conv)
		if err != nil {
			t.Fatal(err)
		}
		if len(prep.Requests) != len(conv.Turns) {
			t.Fatalf("%d requests for %d turns", len(prep.Requests), len(conv.Turns))
		}
		for i, req := range prep.Requests {
			u, err := url.Parse(req.URL)
			if err != nil {
				t.Fatal(err)
			}
			q := u.Query()
			perURL[u.Scheme+"://"+u.Host+u.Path]++
			var env struct {
				Encrypt string
			}
			if err := xml.Unmarshal(req.Body, &env); err != nil || env.Encrypt == "" {
				t.Fatalf("turn %d: body is not a safe-mode envelope: %s", i, req.Body)
			}
			ts, nonce := q.Get("timestamp"), q.Get("nonce")
			if q.Get("encrypt_type") != "aes" || q.Get("openid") != conv.OpenID ||
				q.Get("signature") != util.Signature(TestToken, ts, nonce) ||
				q.Get("msg_signature") != util.Signature(TestToken, ts, nonce, env.Encrypt) {
				t.Fatalf("turn %d: query does not verify: %s", i, u.RawQuery)
			}
			_, plain, err := util.DecryptMsg(TestAppID, env.Encrypt, TestAESKey)
			if err != nil {
				t.Fatalf("turn %d: %v", i, err)
			}
			var msg struct {
				FromUserName, MsgType, Content string
				CreateTime, MsgId              int64
			}
			if err := xml.Unmarshal(plain, &msg); err != nil {
				t.Fatal(err)
			}
			if msg.FromUserName != conv.OpenID || msg.MsgType != "text" || msg.Content != conv.Turns[i] || req.Text != conv.Turns[i] || msg.CreateTime == 0 {
				t.Errorf("turn %d decrypts to %+v, want text %q from %s", i, msg, conv.Turns[i], conv.OpenID)
			}
			if msg.MsgId == 0 || seen[msg.MsgId] {
				t.Errorf("turn %d: MsgId %d is zero or repeated", i, msg.MsgId)
			}
			seen[msg.MsgId] = true
		}
	}
	for _, u := range urls {
		if perURL[u] == 0 {
			t.Errorf("no request went to %s: %v", u, perURL)
		}
	}
}

func BenchmarkPrepareConversation(b *testing.B) {
	p := NewPreparer([]string{"http://127.0.0.1:1/wechat"}, TestToken, TestAESKey, TestAppID, rand.New(rand.NewPCG(1, 2)))
	conv := Full.Build("o_bench", 0)
	for b.Loop() {
		if _, err := p.Prepare(conv); err != nil {
			b.Fatal(err)
		}
	}
}
