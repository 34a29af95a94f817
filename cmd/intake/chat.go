package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/wxintake/intake/internal/wxpush"
)

const chatHelp = `Type a message and press Enter. Special lines:
  /voice 文字          a voice message with this speech recognition
  /image [media-id]    a photo
  /location 纬度 经度 地址   a location message
  /event subscribe | unsubscribe | CLICK KEY
  /raw <xml>           post this plaintext XML as is
  /quit                leave`

func runChat(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chat", "Chat with a running service as a WeChat customer: every message is signed, and in\n"+
		"safe mode encrypted, exactly as WeChat sends it; replies are decrypted and verified.\n\n"+chatHelp, stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file (for the URL and credentials)")
	url := fs.String("url", "", "webhook URL (default: from the configuration)")
	openID := fs.String("openid", "o_chat_"+randomHex(6), "the customer's OpenID")
	mode := fs.String("mode", "", "plain, compat or safe (default: safe when an AES key is configured)")
	apiListen := fs.String("api-listen", "", "also act as the WeChat API on this address (e.g. 127.0.0.1:8099) and show the\n"+
		"customer-service messages the service pushes; start the service with INTAKE_WECHAT_API_BASE=http://ADDR")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	if err := devCredentials(cfg); err != nil {
		return err
	}
	c := &wxpush.Client{
		URL: *url, Token: cfg.WeChat.Token, AESKey: cfg.WeChat.AESKey, AppID: cfg.WeChat.AppID,
		Mode: wxpush.Mode(*mode), HTTP: &http.Client{Timeout: 10 * time.Second},
	}
	if c.URL == "" {
		c.URL = "http://" + cfg.HTTP.Addr + cfg.WeChat.Path
	}
	if c.Mode == "" {
		c.Mode = wxpush.Plain
		if c.AESKey != "" {
			c.Mode = wxpush.Safe
		}
	}
	if *apiListen != "" {
		stopAPI, err := fakeAPI(*apiListen, *openID, stdout)
		if err != nil {
			return err
		}
		defer stopAPI()
	}
	if ok, err := c.Verify(ctx); err != nil || !ok {
		return fmt.Errorf("the service at %s did not pass WeChat's URL check (is it running with the same token?): %v", c.URL, err)
	}
	fmt.Fprintf(stdout, "Connected to %s as %s (%s mode).\n%s\n\n", c.URL, *openID, c.Mode, chatHelp)

	in := bufio.NewScanner(os.Stdin)
	for {
		fmt.Fprint(stdout, "> ")
		if !in.Scan() {
			fmt.Fprintln(stdout)
			return in.Err()
		}
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		if line == "/quit" {
			return nil
		}
		m, err := chatMessage(line)
		if err != nil {
			fmt.Fprintln(stdout, "  ("+err.Error()+")")
			continue
		}
		var r wxpush.Reply
		if m.Type == "raw" {
			p, perr := c.Prepare(*openID, []byte(m.Content))
			if perr != nil {
				fmt.Fprintln(stdout, "  (error: "+perr.Error()+")")
				continue
			}
			r, err = c.Post(ctx, p)
		} else {
			r, err = c.Send(ctx, *openID, m)
		}
		switch {
		case err != nil:
			fmt.Fprintf(stdout, "  (error: %v)\n", err)
		case r.Status != http.StatusOK:
			fmt.Fprintf(stdout, "  (HTTP %d: %s)\n", r.Status, strings.TrimSpace(r.Body))
		case r.Success:
			fmt.Fprintf(stdout, "  (no passive reply; anything more arrives as a customer-service message)  [%v]\n", r.Latency.Round(time.Millisecond))
		default:
			fmt.Fprintf(stdout, "< %s\n  [%v]\n", strings.ReplaceAll(r.Text, "\n", "\n  "), r.Latency.Round(time.Millisecond))
		}
	}
}

// chatMessage turns a typed line into a message.
func chatMessage(line string) (*wxpush.Message, error) {
	if !strings.HasPrefix(line, "/") {
		return &wxpush.Message{Type: "text", Content: line}, nil
	}
	cmd, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	switch cmd {
	case "/voice":
		return &wxpush.Message{Type: "voice", Recognition: rest, MediaID: "voice-" + randomHex(4)}, nil
	case "/image":
		if rest == "" {
			rest = "media-" + randomHex(6)
		}
		return &wxpush.Message{Type: "image", MediaID: rest, PicURL: "http://127.0.0.1/pic/" + rest + ".jpg"}, nil
	case "/location":
		f := strings.Fields(rest)
		if len(f) < 3 {
			return nil, fmt.Errorf("usage: /location 纬度 经度 地址")
		}
		lat, err1 := strconv.ParseFloat(f[0], 64)
		lng, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("latitude and longitude must be numbers")
		}
		return &wxpush.Message{Type: "location", Lat: lat, Lng: lng, Label: strings.Join(f[2:], " ")}, nil
	case "/event":
		ev, key, _ := strings.Cut(rest, " ")
		if ev == "" {
			return nil, fmt.Errorf("usage: /event subscribe | unsubscribe | CLICK KEY")
		}
		return &wxpush.Message{Type: "event", Event: ev, EventKey: strings.TrimSpace(key)}, nil
	case "/raw":
		return &wxpush.Message{Type: "raw", Content: rest}, nil
	}
	return nil, fmt.Errorf("unknown command %s; type a message, or one of /voice /image /location /event /raw /quit", cmd)
}

// fakeAPI serves the part of WeChat's API the service pushes to, printing what reaches
// this customer.
func fakeAPI(addr, openID string, stdout io.Writer) (func(), error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/token") || strings.HasSuffix(r.URL.Path, "/stable_token") {
			_, _ = io.WriteString(w, `{"access_token":"CHATTOKEN","expires_in":7200}`)
			return
		}
		var m struct {
			ToUser string `json:"touser"`
			Text   struct {
				Content string `json:"content"`
			} `json:"text"`
		}
		_ = json.NewDecoder(r.Body).Decode(&m)
		if m.ToUser == openID && m.Text.Content != "" {
			fmt.Fprintf(stdout, "\n<< %s\n> ", strings.ReplaceAll(m.Text.Content, "\n", "\n   "))
		}
		_, _ = io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	})}
	go func() { _ = srv.Serve(l) }()
	return func() { _ = srv.Close() }, nil
}
