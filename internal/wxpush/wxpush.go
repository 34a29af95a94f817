// Package wxpush plays the WeChat server against our webhook: it builds a customer's
// message as WeChat's XML, signs it, encrypts it in safe and compatible mode, posts it and
// decrypts and verifies the passive reply. `intake chat`, the webhook tests and the load
// generator all use it, so what they send is exactly what WeChat sends.
package wxpush

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/silenceper/wechat/v2/util"
)

// Mode is the Official Account's message encryption mode.
type Mode string

// The three modes WeChat offers (开发 → 基本配置 → 消息加解密方式).
const (
	Plain      Mode = "plain"  // 明文模式
	Compatible Mode = "compat" // 兼容模式: plain fields and Encrypt side by side
	Safe       Mode = "safe"   // 安全模式: Encrypt only
)

// Client posts messages to one webhook.
type Client struct {
	URL    string // the webhook, e.g. http://127.0.0.1:8080/wechat
	Token  string
	AESKey string
	AppID  string
	Mode   Mode
	HTTP   *http.Client
	Now    func() time.Time // the clock stamped on messages; time.Now when nil
	ToUser string           // the Official Account's original id (gh_…)
}

// Message is one customer message or event. Type is WeChat's MsgType: text, voice, image,
// location, event, or anything else for an unknown kind.
type Message struct {
	Type        string
	MsgID       int64 // zero: a fresh id is assigned (events have none)
	CreateTime  int64 // zero: now
	Content     string
	Recognition string
	MediaID     string
	PicURL      string
	Lat, Lng    float64
	Label       string
	Event       string
	EventKey    string
}

var msgSeq atomic.Int64

func init() { msgSeq.Store(time.Now().UnixNano() / 1000) }

// NextMsgID returns a fresh message id, unique within the process.
func NextMsgID() int64 { return msgSeq.Add(1) }

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

type cdata struct {
	Text string `xml:",cdata"`
}

type wireMsg struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   cdata
	FromUserName cdata
	CreateTime   int64
	MsgType      cdata
	Content      *cdata   `xml:"Content,omitempty"`
	Recognition  *cdata   `xml:"Recognition,omitempty"`
	Format       *cdata   `xml:"Format,omitempty"`
	PicURL       *cdata   `xml:"PicUrl,omitempty"`
	MediaID      *cdata   `xml:"MediaId,omitempty"`
	LocationX    *float64 `xml:"Location_X,omitempty"`
	LocationY    *float64 `xml:"Location_Y,omitempty"`
	Scale        *int     `xml:"Scale,omitempty"`
	Label        *cdata   `xml:"Label,omitempty"`
	Event        *cdata   `xml:"Event,omitempty"`
	EventKey     *cdata   `xml:"EventKey,omitempty"`
	MsgID        int64    `xml:"MsgId,omitempty"`
}

func cd(s string) *cdata { return &cdata{s} }

// XML renders m from openID as WeChat's plaintext message XML. It fills in MsgID and
// CreateTime when they are zero.
func (c *Client) XML(openID string, m *Message) []byte {
	if m.CreateTime == 0 {
		m.CreateTime = c.now().Unix()
	}
	if m.MsgID == 0 && m.Type != "event" {
		m.MsgID = NextMsgID()
	}
	to := c.ToUser
	if to == "" {
		to = "gh_intake_test"
	}
	w := wireMsg{ToUserName: cdata{to}, FromUserName: cdata{openID}, CreateTime: m.CreateTime, MsgType: cdata{m.Type}, MsgID: m.MsgID}
	switch m.Type {
	case "text":
		w.Content = cd(m.Content)
	case "voice":
		w.MediaID, w.Format, w.Recognition = cd(m.MediaID), cd("amr"), cd(m.Recognition)
	case "image":
		w.PicURL, w.MediaID = cd(m.PicURL), cd(m.MediaID)
	case "location":
		scale := 15
		w.LocationX, w.LocationY, w.Scale, w.Label = &m.Lat, &m.Lng, &scale, cd(m.Label)
	case "event":
		w.Event, w.EventKey = cd(m.Event), cd(m.EventKey)
	default:
		w.Content = cd(m.Content)
	}
	b, _ := xml.Marshal(w)
	return b
}

// Prepared is a request ready to post: the load generator builds them before the clock
// starts.
type Prepared struct {
	URL  string
	Body []byte
}

// Prepare signs (and in safe or compatible mode encrypts) a plaintext message body.
func (c *Client) Prepare(openID string, plain []byte) (Prepared, error) {
	ts := strconv.FormatInt(c.now().Unix(), 10)
	nonce := randomHex(5)
	q := url.Values{}
	q.Set("signature", util.Signature(c.Token, ts, nonce))
	q.Set("timestamp", ts)
	q.Set("nonce", nonce)
	q.Set("openid", openID)
	body := plain
	if c.Mode == Safe || c.Mode == Compatible {
		enc, err := util.EncryptMsg([]byte(randomHex(8)), plain, c.AppID, c.AESKey)
		if err != nil {
			return Prepared{}, fmt.Errorf("wxpush: encrypt: %w", err)
		}
		q.Set("encrypt_type", "aes")
		q.Set("msg_signature", util.Signature(c.Token, ts, nonce, string(enc)))
		if c.Mode == Safe {
			body = []byte("<xml><ToUserName><![CDATA[gh_intake_test]]></ToUserName><Encrypt><![CDATA[" + string(enc) + "]]></Encrypt></xml>")
		} else {
			body = append(bytes.TrimSuffix(bytes.TrimSpace(plain), []byte("</xml>")), []byte("<Encrypt><![CDATA["+string(enc)+"]]></Encrypt></xml>")...)
		}
	}
	return Prepared{URL: c.URL + "?" + q.Encode(), Body: body}, nil
}

// Reply is the webhook's answer.
type Reply struct {
	Status  int
	Body    string // raw body
	Success bool   // "success" or empty: nothing shown to the customer
	MsgType string // of the decrypted reply
	Text    string // text reply content
	Latency time.Duration
}

// Say sends a text message from openID.
func (c *Client) Say(ctx context.Context, openID, text string) (Reply, error) {
	return c.Send(ctx, openID, &Message{Type: "text", Content: text})
}

// Send posts m from openID and decodes the reply.
func (c *Client) Send(ctx context.Context, openID string, m *Message) (Reply, error) {
	p, err := c.Prepare(openID, c.XML(openID, m))
	if err != nil {
		return Reply{}, err
	}
	return c.Post(ctx, p)
}

// Post sends a prepared request and decodes the reply, verifying its signature and appid
// in safe mode as WeChat does.
func (c *Client) Post(ctx context.Context, p Prepared) (Reply, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.URL, bytes.NewReader(p.Body))
	if err != nil {
		return Reply{}, err
	}
	req.Header.Set("Content-Type", "text/xml")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	t0 := time.Now()
	resp, err := hc.Do(req)
	if err != nil {
		return Reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	r := Reply{Status: resp.StatusCode, Body: string(b), Latency: time.Since(t0)}
	if err != nil || resp.StatusCode != http.StatusOK {
		return r, err
	}
	return r, c.decode(&r, b)
}

func (c *Client) decode(r *Reply, b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "success" {
		r.Success = true
		return nil
	}
	if c.Mode == Safe || c.Mode == Compatible {
		var env struct {
			Encrypt      string `xml:"Encrypt"`
			MsgSignature string `xml:"MsgSignature"`
			TimeStamp    string `xml:"TimeStamp"`
			Nonce        string `xml:"Nonce"`
		}
		if err := xml.Unmarshal(b, &env); err != nil || env.Encrypt == "" {
			return fmt.Errorf("wxpush: safe-mode reply is not encrypted: %.80q", b)
		}
		want := util.Signature(c.Token, env.TimeStamp, env.Nonce, env.Encrypt)
		if subtle.ConstantTimeCompare([]byte(want), []byte(env.MsgSignature)) != 1 {
			return fmt.Errorf("wxpush: reply MsgSignature does not verify")
		}
		_, plain, err := util.DecryptMsg(c.AppID, env.Encrypt, c.AESKey)
		if err != nil {
			return fmt.Errorf("wxpush: decrypt reply: %w", err)
		}
		b = plain
	}
	var msg struct {
		MsgType string `xml:"MsgType"`
		Content string `xml:"Content"`
	}
	if err := xml.Unmarshal(b, &msg); err != nil {
		return fmt.Errorf("wxpush: reply is not XML: %w", err)
	}
	r.MsgType, r.Text = msg.MsgType, msg.Content
	return nil
}

// Verify performs the server URL check WeChat does when the URL is saved: a signed GET
// with echostr, which must be echoed back.
func (c *Client) Verify(ctx context.Context) (bool, error) {
	ts := strconv.FormatInt(c.now().Unix(), 10)
	nonce, echo := randomHex(5), randomHex(8)
	u := fmt.Sprintf("%s?signature=%s&timestamp=%s&nonce=%s&echostr=%s", c.URL, util.Signature(c.Token, ts, nonce), ts, nonce, echo)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, err
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && string(b) == echo, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
