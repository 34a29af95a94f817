package handlers

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
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
	start := time.Now()
	req := c.Request()
	q := req.URL.Query()
	ts, nonce := q.Get("timestamp"), q.Get("nonce")

	if q.Get("signature") != util.Signature(h.WeChat.Token, ts, nonce) {
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
	safe := q.Get("encrypt_type") == "aes"
	if safe {
		var env struct {
			Encrypt string `xml:"Encrypt"`
		}
		if err := xml.Unmarshal(body, &env); err != nil || env.Encrypt == "" {
			return h.malformed(c, start, "no Encrypt element")
		}
		if q.Get("msg_signature") != util.Signature(h.WeChat.Token, ts, nonce, env.Encrypt) {
			h.Metrics.SignatureFailures.WithLabelValues("msg_signature").Inc()
			return h.refuse(c, "bad_signature", http.StatusUnauthorized, "invalid msg_signature")
		}
	}
	req.Body = io.NopCloser(bytes.NewReader(body))

	var res bot.Result
	handled := false
	srv := h.OA.GetServer(req, c.Response())
	srv.SetMessageHandler(func(m *message.MixMessage) *message.Reply {
		handled = true
		res = h.Turns.Handle(req.Context(), inbound(m))
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
	switch {
	case c.Response().Committed: // plain mode with no reply: Serve wrote "success"
	case res.Reply == "":
		// Safe mode with no reply: Serve wrote nothing and Send would encrypt an empty
		// message, so answer "success" ourselves.
		if err := c.String(http.StatusOK, "success"); err != nil {
			return err
		}
	default:
		if err := srv.Send(); err != nil {
			h.Log.Error("webhook: sending the reply failed", "err", err)
		}
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

// inbound turns the SDK's message into the bot's one inbound type.
func inbound(m *message.MixMessage) bot.Inbound {
	in := bot.Inbound{
		OpenID:  string(m.FromUserName),
		MsgID:   m.MsgID,
		At:      time.Unix(m.CreateTime, 0),
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
		in.Kind, in.Lat, in.Lng, in.Label = bot.KindLocation, m.LocationX, m.LocationY, m.Label
	case message.MsgTypeEvent:
		in.Kind, in.Event, in.EventKey = bot.KindEvent, string(m.Event), m.EventKey
	default:
		in.Kind = bot.KindUnknown
	}
	return in
}
