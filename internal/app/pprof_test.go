package app_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
)

func TestPprofListener(t *testing.T) {
	cases := []struct {
		name  string
		addr  string
		serve bool
	}{
		{name: "off by default", addr: "", serve: false},
		{name: "on a loopback port of its own", addr: "127.0.0.1:0", serve: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) { c.Debug.PprofAddr = tc.addr }})
			addr := s.PprofAddr()
			if (addr != "") != tc.serve {
				t.Fatalf("PprofAddr() = %q, want serving=%v", addr, tc.serve)
			}
			// The public listener never serves profiles.
			if code, _ := get(t, s.URL()+"/debug/pprof/"); code == http.StatusOK {
				t.Error("the public listener serves /debug/pprof/")
			}
			if !tc.serve {
				return
			}
			if addr == s.Addr() {
				t.Fatal("pprof shares the public listener")
			}
			code, body := get(t, "http://"+addr+"/debug/pprof/")
			if code != http.StatusOK || !strings.Contains(body, "goroutine") {
				t.Fatalf("GET /debug/pprof/ = %d %.80q", code, body)
			}
		})
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
