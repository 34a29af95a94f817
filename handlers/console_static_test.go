package handlers_test

import (
	"net/http"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
)

// The console's static files are served without directory listings and never sniffed.
func TestStaticFilesListNoDirectoriesAndAreNotSniffed(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/console/static/", "/console/static/.", "/console/static/%2e/"} {
		res, body := fetch(t, c, s.URL()+path)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404:\n%.200s", path, res.StatusCode, body)
		}
	}
	res, _ := fetch(t, c, s.URL()+"/console/static/console.js")
	if res.StatusCode != http.StatusOK || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("console.js: %d %v", res.StatusCode, res.Header)
	}
}
