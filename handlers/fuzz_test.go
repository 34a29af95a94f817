package handlers_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/officialaccount"
	oaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	"github.com/silenceper/wechat/v2/util"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/internal/wxpush"
)

// echoTurns answers every message with its text, so the reply path is exercised too.
type echoTurns struct{}

func (echoTurns) Handle(_ context.Context, in bot.Inbound) bot.Result {
	if in.Text == "" {
		return bot.Result{Outcome: bot.OutcomeSilent}
	}
	return bot.Result{Reply: in.Text, Outcome: bot.OutcomeReplied}
}

func fuzzServer() http.Handler {
	oa := officialaccount.NewOfficialAccount(&oaconfig.Config{
		AppID: apptest.AppID, Token: apptest.Token, EncodingAESKey: apptest.AESKey, Cache: cache.NewMemory(),
	})
	return handlers.New(handlers.Deps{
		Log:     slog.New(slog.DiscardHandler),
		Metrics: metrics.New(),
		OA:      oa,
		WeChat:  handlers.WeChat{Path: "/wechat", Token: apptest.Token, MaxClockSkew: 5 * time.Minute, MaxBodyBytes: 64 << 10, Plaintext: true},
		Turns:   echoTurns{},
		Nonces:  &memoryNonces{seen: map[string][32]byte{}},
	})
}

// memoryNonces is handlers.Nonces in memory, forever.
type memoryNonces struct {
	mu   sync.Mutex
	seen map[string][32]byte
}

func (m *memoryNonces) Claim(_ context.Context, ts, nonce string, body []byte, _ time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	sum, k := sha256.Sum256(body), ts+" "+nonce
	if old, ok := m.seen[k]; ok {
		return old == sum, nil
	}
	m.seen[k] = sum
	return true, nil
}

// FuzzWebhookMessage feeds arbitrary plaintext, correctly signed and (in safe mode)
// encrypted, through signature checks, decryption and the SDK's XML parsing: the answer
// is 200 (or 400 for a sender that cannot be an OpenID), and in safe mode either
// "success" or a reply that decrypts.
func FuzzWebhookMessage(f *testing.F) {
	f.Add([]byte(`<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>1</MsgId></xml>`), true)
	f.Add([]byte(`<xml><MsgType>event</MsgType><Event>subscribe</Event></xml>`), false)
	f.Add([]byte("<xml><Content>\x02</Content></xml>"), true)
	f.Add([]byte("<xml><MsgType>text</MsgType><Content>no sender</Content></xml>"), true)
	f.Add([]byte(""), false)
	f.Add([]byte("<xml><Content><![CDATA[]]>]]></Content></xml>"), true)
	h := fuzzServer()
	f.Fuzz(func(t *testing.T, plain []byte, safe bool) {
		mode := wxpush.Plain
		if safe {
			mode = wxpush.Safe
		}
		c := &wxpush.Client{Token: apptest.Token, AESKey: apptest.AESKey, AppID: apptest.AppID, Mode: mode, URL: "/wechat"}
		p, err := c.Prepare("o_fuzz", plain)
		if err != nil {
			t.Skip()
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, p.URL, bytes.NewReader(p.Body)))
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && !(rec.Code == http.StatusRequestEntityTooLarge && len(p.Body) > 64<<10) {
			t.Fatalf("status %d for %q", rec.Code, plain)
		}
		if safe && rec.Code == http.StatusOK && rec.Body.String() != "success" && !bytes.Contains(rec.Body.Bytes(), []byte("<Encrypt>")) {
			t.Fatalf("safe mode answered in clear: %q", rec.Body.String())
		}
	})
}

// FuzzWebhookEnvelope feeds arbitrary bodies with a valid URL signature in safe mode:
// never a 5xx, and nothing but 200, 401 or 413.
func FuzzWebhookEnvelope(f *testing.F) {
	f.Add([]byte(`<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>`))
	f.Add([]byte(`<xml><Encrypt></Encrypt></xml>`))
	f.Add([]byte(`not xml`))
	h := fuzzServer()
	f.Fuzz(func(t *testing.T, body []byte) {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		u := "/wechat?encrypt_type=aes&timestamp=" + ts + "&nonce=n&signature=" + util.Signature(apptest.Token, ts, "n") + "&msg_signature=x"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, u, bytes.NewReader(body)))
		switch rec.Code {
		case http.StatusOK, http.StatusUnauthorized, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
	})
}
