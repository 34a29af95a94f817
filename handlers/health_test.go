package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestReadyzNotes checks that notices are reported beside the checks and never fail
// readiness by themselves, nor hide a failing check of the same name.
func TestReadyzNotes(t *testing.T) {
	ok := func(context.Context) error { return nil }
	down := func(context.Context) error { return errors.New("down") }
	notes := func() map[string]string {
		return map[string]string{"calendar": "2027 adjustments missing", "redis": "hidden"}
	}
	for _, tt := range []struct {
		checks []Check
		code   int
		want   []string
	}{
		{[]Check{{"database", ok}}, http.StatusOK, []string{`"calendar":"2027 adjustments missing"`, `"database":"ok"`}},
		{[]Check{{"redis", down}}, http.StatusServiceUnavailable, []string{`"calendar":"2027`, `"redis":"unavailable"`}},
	} {
		e := echo.New()
		rec := httptest.NewRecorder()
		if err := readyz(tt.checks, notes)(e.NewContext(httptest.NewRequest(http.MethodGet, "/readyz", nil), rec)); err != nil {
			t.Fatal(err)
		}
		if rec.Code != tt.code {
			t.Errorf("code %d, want %d: %s", rec.Code, tt.code, rec.Body)
		}
		for _, w := range tt.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s lacks %s", rec.Body, w)
			}
		}
	}
}
