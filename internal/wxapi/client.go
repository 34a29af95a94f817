// Package wxapi is the service's side of WeChat's outbound API, on silenceper/wechat/v2:
// the HTTP client and base URL it calls through, the access token shared in Redis, and the
// customer-service messages the bot and staff send.
package wxapi

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount"
	oaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	"github.com/silenceper/wechat/v2/officialaccount/menu"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"

	"github.com/wxintake/intake/internal/metrics"
)

// DefaultBase is WeChat's API address, which the SDK has built into every URL.
const DefaultBase = "https://api.weixin.qq.com"

// Setup points every outbound SDK call at base and gives the SDK an HTTP client with
// timeouts (its default is http.DefaultClient, which has none). Both are package-level
// variables of the SDK (util.SetURIModifier, util.DefaultHTTPClient) that it offers no
// other way to set, so they are process-wide whatever we do: Setup is the one place that
// sets them, called from the wiring (internal/app) before any client is built. Our own
// calls made without the SDK take the base from Config.APIBase instead.
func Setup(base string, timeout time.Duration) {
	base = strings.TrimRight(base, "/")
	if base != DefaultBase {
		util.SetURIModifier(func(uri string) string {
			if strings.HasPrefix(uri, DefaultBase) {
				return base + strings.TrimPrefix(uri, DefaultBase)
			}
			return uri
		})
	}
	util.DefaultHTTPClient = &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 3 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   32,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   3 * time.Second,
			ResponseHeaderTimeout: timeout,
		},
	}
}

// Config is what the client needs from the service configuration.
type Config struct {
	AppID, AppSecret, Token, AESKey string
	APIBase                         string // the base given to Setup; DefaultBase when empty
}

// Client sends messages to customers through the Official Account.
type Client struct {
	OA      *officialaccount.OfficialAccount
	tokens  *TokenSource
	manager *message.Manager
	tmpl    *message.Template
	metrics *metrics.Metrics
	base    string // the API address, for the calls made without the SDK
}

// NewClient builds the Official Account with our Redis-backed token source. The SDK's lazy
// getters are not safe to call concurrently the first time, so the ones we use are called
// here, once.
func NewClient(cfg Config, tokens *TokenSource, c *Cache, m *metrics.Metrics) *Client {
	oa := officialaccount.NewOfficialAccount(&oaconfig.Config{
		AppID: cfg.AppID, AppSecret: cfg.AppSecret, Token: cfg.Token, EncodingAESKey: cfg.AESKey, Cache: c,
	})
	oa.SetAccessTokenHandle(tokens)
	base := strings.TrimRight(cfg.APIBase, "/")
	if base == "" {
		base = DefaultBase
	}
	return &Client{OA: oa, tokens: tokens, manager: oa.GetCustomerMessageManager(), tmpl: oa.GetTemplate(), metrics: m, base: base}
}

// APIError is a failed WeChat API call with WeChat's errcode when it gave one (0 for a
// transport or HTTP failure).
type APIError struct {
	API  string
	Code int
	Err  error
}

// Error is the failure without credentials: the SDK's errors quote the URL they called,
// access token (or app secret) included, and this text is logged and stored.
func (e *APIError) Error() string {
	return credentialRE.ReplaceAllString(fmt.Sprintf("wechat %s: %v", e.API, e.Err), "$1=REDACTED")
}

func (e *APIError) Unwrap() error { return e.Err }

// credentialRE matches the credentials an API URL carries in its query.
var credentialRE = regexp.MustCompile(`(access_token|secret)=[^&\s"]+`)

// Errcodes with a meaning for the service.
const (
	CodeInvalidToken   = 40001
	CodeInvalidToken2  = 40014
	CodeTokenExpired   = 42001
	CodeOutsideWindow  = 45015 // more than 48 h since the customer's last message
	CodeQuotaExhausted = 45047 // customer-service message quota used up
	CodeTooLong        = 45002
	CodeSystemBusy     = -1 // 系统繁忙: try again later
)

var errcodeRE = regexp.MustCompile(`errcode=(-?\d+)`)

// errcode extracts WeChat's errcode from the SDK's string errors.
func errcode(err error) int {
	if m := errcodeRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// SendText sends one customer-service text message. A refused token is invalidated and the
// call retried once.
func (c *Client) SendText(ctx context.Context, openID, text string) error {
	const api = "custom_send"
	for attempt := 0; ; attempt++ {
		c.metrics.OutboundCalls.WithLabelValues(api).Inc()
		stale, _ := c.tokens.GetAccessTokenContext(ctx)
		err := c.manager.Send(message.NewCustomerTextMessage(openID, text))
		if err == nil {
			return nil
		}
		code := errcode(err)
		c.metrics.OutboundErrors.WithLabelValues(api, strconv.Itoa(code)).Inc()
		if attempt == 0 && (code == CodeInvalidToken || code == CodeInvalidToken2 || code == CodeTokenExpired) {
			c.tokens.Invalidate(ctx, stale)
			continue
		}
		return &APIError{API: api, Code: code, Err: err}
	}
}

// SendTemplate sends a template message: the only kind that reaches a customer outside the
// 48-hour customer-service window. url, when not empty, is the page the message opens;
// data maps the template's field names to values.
func (c *Client) SendTemplate(ctx context.Context, openID, templateID, url string, data map[string]string) error {
	const api = "template_send"
	msg := &message.TemplateMessage{ToUser: openID, TemplateID: templateID, URL: url, Data: map[string]*message.TemplateDataItem{}}
	for k, v := range data {
		msg.Data[k] = &message.TemplateDataItem{Value: v}
	}
	for attempt := 0; ; attempt++ {
		c.metrics.OutboundCalls.WithLabelValues(api).Inc()
		stale, _ := c.tokens.GetAccessTokenContext(ctx)
		_, err := c.tmpl.Send(msg)
		if err == nil {
			return nil
		}
		code := errcode(err)
		c.metrics.OutboundErrors.WithLabelValues(api, strconv.Itoa(code)).Inc()
		if attempt == 0 && (code == CodeInvalidToken || code == CodeInvalidToken2 || code == CodeTokenExpired) {
			c.tokens.Invalidate(ctx, stale)
			continue
		}
		return &APIError{API: api, Code: code, Err: err}
	}
}

// PushMenu creates the Official Account's custom menu: one CLICK button per item, in order.
func (c *Client) PushMenu(ctx context.Context, items []MenuItem) error {
	const api = "menu_create"
	buttons := make([]*menu.Button, len(items))
	for i, it := range items {
		buttons[i] = menu.NewClickButton(it.Name, it.Key)
	}
	c.metrics.OutboundCalls.WithLabelValues(api).Inc()
	if err := c.OA.GetMenu().SetMenu(buttons); err != nil {
		code := errcode(err)
		c.metrics.OutboundErrors.WithLabelValues(api, strconv.Itoa(code)).Inc()
		return &APIError{API: api, Code: code, Err: err}
	}
	return nil
}

// MenuItem is one button of the custom menu.
type MenuItem struct{ Name, Key string }

// Push implements bot.Pusher: the texts in order, stopping at the first failure.
func (c *Client) Push(ctx context.Context, openID string, texts []string) error {
	for _, t := range texts {
		if err := c.SendText(ctx, openID, t); err != nil {
			return err
		}
	}
	return nil
}
