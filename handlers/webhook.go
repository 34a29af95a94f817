package handlers

import (
	"bytes"
	"crypto/subtle"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"

	"github.com/wxintake/intake/bot"
)

// webhook is WeChat's entry: GET for the server URL check, POST for messages in plain,
// compatible or safe mode.
//
// Signature, replay and msg_signature checks happen here, before the SDK's Serve, because
// Serve reports every failure the same way and writes nothing: we need 401 for forged
// requests and 200 "success" for merely malformed ones (so WeChat stops retrying).
type webhook struct {
	Deps
}

func (h *webhook) serve(c echo.Context) error {
	start, received := time.Now(), h.Now()
	req := c.Request()
	q := req.URL.Query()
	ts, nonce := q.Get("timestamp"), q.Get("nonce")

	if !sameSignature(q.Get("signature"), util.Signature(h.WeChat.Token, ts, nonce)) {
		h.Metrics.SignatureFailures.WithLabelValues("signature").Inc()
		return h.refuse(c, "bad_signature", http.StatusUnauthorized, "invalid signature")
	}
	if !h.fresh(ts) {
		return h.refuse(c, "replay", http.StatusUnauthorized, "timestamp outside the allowed window")
	}
	if echostr, ok := q["echostr"]; ok && len(echostr) == 1 {
		h.count("verify", start)
		return c.String(http.StatusOK, echostr[0])
	}
	if req.Method != http.MethodPost {
		return h.refuse(c, "bad_request", http.StatusBadRequest, "missing echostr")
	}

	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), req.Body, h.WeChat.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return h.refuse(c, "too_large", http.StatusRequestEntityTooLarge, "body too large")
		}
		return h.refuse(c, "bad_request", http.StatusBadRequest, "unreadable body")
	}
	if q.Get("encrypt_type") == "aes" {
		var env struct {
			Encrypt string `xml:"Encrypt"`
		}
		if err := xml.Unmarshal(body, &env); err != nil || env.Encrypt == "" {
			return h.malformed(c, start, "no Encrypt element")
		}
		if !sameSignature(q.Get("msg_signature"), util.Signature(h.WeChat.Token, ts, nonce, env.Encrypt)) {
			h.Metrics.SignatureFailures.WithLabelValues("msg_signature").Inc()
			return h.refuse(c, "bad_signature", http.StatusUnauthorized, "invalid msg_signature")
		}
	} else if ok, err := h.plaintext(c, ts, nonce, body); !ok {
		return err
	}
	req.Body = io.NopCloser(bytes.NewReader(body))

	// The SDK writes into out, so that a message refused after parsing (its OpenID) gets
	// its own status rather than the "success" plain mode would already have written.
	var (
		out     buffered
		res     bot.Result
		handled bool
		badID   bool
	)
	srv := h.OA.GetServer(req, &out)
	srv.SkipValidate(true) // checked above, in constant time
	srv.SetMessageHandler(func(m *message.MixMessage) *message.Reply {
		if !ValidOpenID(string(m.FromUserName)) {
			badID = true
			return nil
		}
		handled = true
		res = h.Turns.Handle(req.Context(), inbound(m, received, h.WeChat.MaxClockSkew))
		if res.Reply == "" {
			return nil
		}
		return &message.Reply{MsgType: message.MsgTypeText, MsgData: message.NewText(res.Reply)}
	})
	if err := srv.Serve(); err != nil {
		if handled {
			// The turn ran; only rendering the reply failed. The customer is not left
			// without an answer: say "success" and log it as ours to fix.
			h.Log.Error("webhook: building the reply failed", "err", err)
			res = bot.Result{Outcome: bot.OutcomeError}
		} else {
			return h.malformed(c, start, "parse or decrypt failed")
		}
	}
	if badID {
		return h.refuse(c, "bad_openid", http.StatusBadRequest, "invalid FromUserName")
	}
	if !out.written && res.Reply != "" {
		if err := srv.Send(); err != nil {
			h.Log.Error("webhook: sending the reply failed", "err", err)
		}
	}
	if err := out.answer(c); err != nil {
		return err
	}
	if res.Outcome == bot.OutcomeDuplicate {
		h.Metrics.DedupeHits.Inc()
	}
	h.count(string(res.Outcome), start)
	if h.Log.Enabled(req.Context(), slog.LevelDebug) {
		h.Log.Debug("webhook: turn", "outcome", res.Outcome, "reply", res.Reply)
	}
	return nil
}

// plaintext admits a message that is not encrypted, whose body no signature covers: only
// when the mode allows it, and only if its signed URL (timestamp and nonce) has carried no
// other body within the clock-skew window. WeChat's retries resend the same body with the
// same URL and pass, to be deduplicated by the bot. Unless it reports true, it has
// answered the request.
func (h *webhook) plaintext(c echo.Context, ts, nonce string, body []byte) (bool, error) {
	if !h.WeChat.Plaintext {
		return false, h.refuse(c, "plaintext_refused", http.StatusForbidden, "plaintext messages are refused in safe mode")
	}
	// The window of a timestamp is ±MaxClockSkew around it: remember it that long.
	ok, err := h.Nonces.Claim(c.Request().Context(), ts, nonce, body, 2*h.WeChat.MaxClockSkew+time.Minute)
	if err != nil {
		h.Log.Error("webhook: replay cache unavailable", "err", err)
		return false, h.refuse(c, "replay_check_failed", http.StatusServiceUnavailable, "try again later")
	}
	if !ok {
		h.Metrics.SignatureFailures.WithLabelValues("nonce_reused").Inc()
		return false, h.refuse(c, "replay", http.StatusUnauthorized, "timestamp and nonce already used")
	}
	return true, nil
}

// sameSignature compares a signature from a request with the expected one in constant time.
func sameSignature(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// ValidOpenID reports whether id can be a WeChat OpenID: 1–64 letters, digits, '_' or '-'.
// OpenIDs become parts of Redis keys (with {} hash tags), so nothing else gets that far.
func ValidOpenID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		b := id[i]
		if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-') {
			return false
		}
	}
	return true
}

// buffered is the response the SDK writes: the webhook answers once it knows the outcome.
type buffered struct {
	header  http.Header
	body    bytes.Buffer
	written bool
}

func (b *buffered) Header() http.Header {
	if b.header == nil {
		b.header = http.Header{}
	}
	return b.header
}

func (b *buffered) WriteHeader(int) { b.written = true }

func (b *buffered) Write(p []byte) (int, error) {
	b.written = true
	return b.body.Write(p)
}

// answer sends what the SDK wrote, or "success" when it wrote nothing (safe mode with no
// reply, where Send would encrypt an empty message).
func (b *buffered) answer(c echo.Context) error {
	if !b.written {
		return c.String(http.StatusOK, "success")
	}
	ct := b.Header().Get(echo.HeaderContentType)
	if ct == "" {
		ct = echo.MIMETextPlainCharsetUTF8
	}
	return c.Blob(http.StatusOK, ct, b.body.Bytes())
}

// fresh reports whether the request's timestamp is within the allowed clock skew.
func (h *webhook) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := h.Now().Sub(time.Unix(sec, 0))
	return d <= h.WeChat.MaxClockSkew && d >= -h.WeChat.MaxClockSkew
}

func (h *webhook) count(outcome string, start time.Time) {
	h.Metrics.Requests.WithLabelValues(outcome).Inc()
	h.Metrics.TurnSeconds.Observe(time.Since(start).Seconds())
}

// refuse answers a request that is not from WeChat, or not usable at all.
func (h *webhook) refuse(c echo.Context, outcome string, code int, msg string) error {
	h.Metrics.Requests.WithLabelValues(outcome).Inc()
	h.Log.Warn("webhook: refused", "outcome", outcome, "status", code, "remote", c.RealIP())
	return c.String(code, msg)
}

// malformed answers "success" to a signed request we cannot read, so WeChat does not
// retry something that will never parse (e.g. control characters in the XML).
func (h *webhook) malformed(c echo.Context, start time.Time, why string) error {
	h.count("malformed", start)
	h.Log.Warn("webhook: malformed message", "why", why, "remote", c.RealIP())
	return c.String(http.StatusOK, "success")
}

// inbound turns the SDK's message into the bot's one inbound type. received is when the
// request arrived: the message's time is its CreateTime unless that is in the future or
// older than skew (WeChat's retries come within seconds), so a forged or broken clock
// cannot move the conversation's (idle prompts, dates read relative to "today").
func inbound(m *message.MixMessage, received time.Time, skew time.Duration) bot.Inbound {
	sent := time.Unix(m.CreateTime, 0)
	at := sent
	if at.After(received) || at.Before(received.Add(-skew)) {
		at = received.Truncate(time.Second)
	}
	in := bot.Inbound{
		OpenID:  string(m.FromUserName),
		MsgID:   m.MsgID,
		At:      at,
		SentAt:  sent,
		RawType: string(m.MsgType),
	}
	switch m.MsgType {
	case message.MsgTypeText:
		in.Kind, in.Text = bot.KindText, m.Content
	case message.MsgTypeVoice:
		in.Kind, in.Text, in.MediaID = bot.KindVoice, m.Recognition, m.MediaID
	case message.MsgTypeImage:
		in.Kind, in.MediaID, in.PicURL = bot.KindImage, m.MediaID, m.PicURL
	case message.MsgTypeLocation:
		in.Kind = bot.KindLocation
		// A place that cannot exist reads as a location without an address: the bot asks
		// for it in words.
		if onEarth(m.LocationX, m.LocationY) {
			in.Lat, in.Lng, in.Label = m.LocationX, m.LocationY, m.Label
		}
	case message.MsgTypeEvent:
		in.Kind, in.Event, in.EventKey = bot.KindEvent, string(m.Event), m.EventKey
	default:
		in.Kind = bot.KindUnknown
	}
	return in
}

// onEarth reports whether lat, lng are finite coordinates in range.
func onEarth(lat, lng float64) bool {
	return !math.IsNaN(lat) && !math.IsNaN(lng) && math.Abs(lat) <= 90 && math.Abs(lng) <= 180
}
