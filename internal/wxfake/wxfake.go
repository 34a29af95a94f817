// Package wxfake is a fake WeChat API for tests: it issues access tokens and records the
// customer-service and template messages the service sends, and can be told to fail or be
// slow the way the real API sometimes is.
package wxfake

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Sent is one message the service pushed.
type Sent struct {
	Path   string
	ToUser string
	Text   string
	Raw    string
	Token  string
	// Template is the template message's parsed body; nil for other messages.
	Template *Template
}

// Template is a template message as WeChat receives it.
type Template struct {
	TemplateID string
	URL        string
	Data       map[string]string // field → value
}

// Server is the fake API. Set its fields before use or under Lock.
type Server struct {
	*httptest.Server

	mu         sync.Mutex
	sent       []Sent
	tokenCalls int
	failures   []Failure
	delay      time.Duration
	notify     chan struct{}
	media      map[string]Media
	mediaCalls int
	closed     bool // customer-service messages refused with 45015
}

// CloseWindow makes every customer-service message fail with errcode 45015, as WeChat
// answers once 48 hours have passed since the customer last wrote; closed false opens it
// again. Template messages still go through.
func (s *Server) CloseWindow(closed bool) {
	s.mu.Lock()
	s.closed = closed
	s.mu.Unlock()
}

// Failure is how the next send call fails: an HTTP status, or WeChat's errcode with 200.
type Failure struct {
	Status  int
	Errcode int
}

// New starts a fake API on loopback; it is closed when the test ends.
func New(t interface{ Cleanup(func()) }) *Server {
	s := &Server{notify: make(chan struct{}, 1)}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// FailNext makes the next len(f) send calls fail, in order.
func (s *Server) FailNext(f ...Failure) {
	s.mu.Lock()
	s.failures = append(s.failures, f...)
	s.mu.Unlock()
}

// SetDelay makes every send call take d.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	s.delay = d
	s.mu.Unlock()
}

// Sent returns the messages received so far.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// TokenCalls returns how many times a token was requested.
func (s *Server) TokenCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenCalls
}

// WaitSent waits until at least n messages were received or timeout passes, and returns
// what was received.
func (s *Server) WaitSent(n int, timeout time.Duration) []Sent {
	got, _ := s.WaitFor(timeout, func(sent []Sent) bool { return len(sent) >= n })
	return got
}

// WaitFor waits until the messages received so far satisfy done, or timeout passes; it
// returns them and whether done was satisfied. It wakes on each message, never polls;
// one waiter at a time.
func (s *Server) WaitFor(timeout time.Duration, done func([]Sent) bool) ([]Sent, bool) {
	deadline := time.After(timeout)
	for {
		if got := s.Sent(); done(got) {
			return got, true
		}
		select {
		case <-s.notify:
		case <-deadline:
			got := s.Sent()
			return got, done(got)
		}
	}
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/cgi-bin/token", "/cgi-bin/stable_token":
		s.mu.Lock()
		s.tokenCalls++
		s.mu.Unlock()
		_, _ = w.Write([]byte(`{"access_token":"FAKETOKEN","expires_in":7200}`))
		return
	case "/cgi-bin/media/get":
		s.serveMedia(w, r) // media.go
		return
	}
	s.mu.Lock()
	delay := s.delay
	var fail *Failure
	if s.closed && r.URL.Path == "/cgi-bin/message/custom/send" {
		fail = &Failure{Errcode: 45015}
	} else if len(s.failures) > 0 {
		fail = &s.failures[0]
		s.failures = s.failures[1:]
	}
	s.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if fail != nil {
		if fail.Status != 0 {
			w.WriteHeader(fail.Status)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"errcode": fail.Errcode, "errmsg": "fake failure"})
		return
	}
	var msg struct {
		ToUser string `json:"touser"`
		Text   struct {
			Content string `json:"content"`
		} `json:"text"`
		TemplateID string `json:"template_id"`
		URL        string `json:"url"`
		Data       map[string]struct {
			Value string `json:"value"`
		} `json:"data"`
	}
	_ = json.Unmarshal(body, &msg)
	sent := Sent{Path: r.URL.Path, ToUser: msg.ToUser, Text: msg.Text.Content, Raw: string(body), Token: r.URL.Query().Get("access_token")}
	if msg.TemplateID != "" {
		sent.Template = &Template{TemplateID: msg.TemplateID, URL: msg.URL, Data: map[string]string{}}
		for k, v := range msg.Data {
			sent.Template.Data[k] = v.Value
		}
	}
	s.mu.Lock()
	s.sent = append(s.sent, sent)
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
	_, _ = w.Write([]byte(`{"errcode":0,"errmsg":"ok"}`))
}
