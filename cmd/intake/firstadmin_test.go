package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/staff"
)

// lockedBuffer is a bytes.Buffer the service writes to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveOnce runs `intake serve` until its banner is printed, calls during with the
// banner, stops it and returns the banner.
func serveOnce(t *testing.T, cfgPath string, during func(banner string)) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, []string{"--config", cfgPath}, &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "Try it as a customer") {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no banner:\n%s\n%s", stdout.String(), stderr.String())
		}
	}
	banner := stdout.String()
	during(banner)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if passwordIn(banner) != "" && strings.Contains(stderr.String(), passwordIn(banner)) {
		t.Error("the generated password is in the log")
	}
	return banner
}

var passwordLine = regexp.MustCompile(`(?m)^  Password +(\S+)$`)

func passwordIn(banner string) string {
	if m := passwordLine.FindStringSubmatch(banner); m != nil {
		return m[1]
	}
	return ""
}

// TestFirstStartCreatesAdmin (issue 13): the first start on an empty embedded database
// creates one admin and prints its generated login once; the next start prints none; the
// password logs in, and the account must change it before anything else.
func TestFirstStartCreatesAdmin(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "config.yaml")
	yaml := "data_dir: " + filepath.Join(dir, "data") + "\nhttp:\n  addr: 127.0.0.1:0\n"
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}

	first := serveOnce(t, cfgPath, func(string) {})
	password := passwordIn(first)
	if password == "" || !strings.Contains(first, "Username         admin") || !strings.Contains(first, "/console/") {
		t.Fatalf("first start's banner has no login:\n%s", first)
	}
	if err := staff.CheckPassword(password); err != nil {
		t.Errorf("generated password %q: %v", password, err)
	}

	consoleURL := regexp.MustCompile(`Console +(http://\S+)/console/`)
	second := serveOnce(t, cfgPath, func(banner string) {
		base := consoleURL.FindStringSubmatch(banner)[1]
		login := func(pw string) (int, string) {
			body, _ := json.Marshal(map[string]string{"username": "admin", "password": pw})
			resp, err := http.Post(base+"/api/v1/login", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Token string `json:"token"`
			}
			_ = json.NewDecoder(resp.Body).Decode(&out)
			return resp.StatusCode, out.Token
		}
		code, tok := login(password)
		if code != http.StatusOK {
			t.Fatalf("login with the generated password: %d", code)
		}
		// The generated password works, and must be changed before anything else.
		req, _ := http.NewRequest("GET", base+"/api/v1/tickets", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var refusal struct {
			Error string `json:"error"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&refusal)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || refusal.Error != "password_change_required" {
			t.Errorf("GET /api/v1/tickets before changing the password: %d %q", resp.StatusCode, refusal.Error)
		}
		if code, _ := login(password + "x"); code != http.StatusUnauthorized {
			t.Errorf("login with a wrong password: %d", code)
		}
	})
	if strings.Contains(second, "Password") || passwordIn(second) != "" {
		t.Errorf("second start shows a password:\n%s", second)
	}
	if !strings.Contains(second, "/console/") {
		t.Errorf("second start's banner has no console URL:\n%s", second)
	}

	// Exactly one account, an admin, hashed, to be changed.
	cfg, err := config.Load(cfgPath, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.New(context.Background(), cfg, newLogger(&bytes.Buffer{}, "error"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Shutdown(context.Background())
	users, err := a.Staff.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 || users[0].Username != "admin" || users[0].Role != staff.RoleAdmin || !users[0].MustChangePassword {
		t.Fatalf("accounts: %+v", users)
	}
	_, hash, err := a.Staff.PasswordHash(context.Background(), "admin")
	if err != nil || bytes.Contains(hash, []byte(password)) || !staff.ComparePassword(hash, password) {
		t.Errorf("stored password: %v", err)
	}
}
