package livechat

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/wxapi"
)

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// Each way WeChat refuses a message has its own reason for staff.
func TestReason(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		key  string
	}{
		{"deadline", fmt.Errorf("send: %w", context.DeadlineExceeded), "console.ticket2.reason.timeout"},
		{"client timeout", &wxapi.APIError{API: "custom_send", Err: &url.Error{Op: "Post", URL: "x", Err: timeoutErr{}}}, "console.ticket2.reason.timeout"},
		{"window", &wxapi.APIError{Code: wxapi.CodeOutsideWindow, Err: errors.New("errcode=45015")}, "console.ticket2.reason.window"},
		{"quota", &wxapi.APIError{Code: wxapi.CodeQuotaExhausted, Err: errors.New("errcode=45047")}, "console.ticket2.reason.quota"},
		{"system busy", &wxapi.APIError{Code: wxapi.CodeSystemBusy, Err: errors.New("errcode=-1")}, "console.ticket2.reason.server"},
		{"5xx", &wxapi.APIError{Err: errors.New("http get error : statusCode=502")}, "console.ticket2.reason.server"},
	} {
		if got, want := reason(tc.err), catalog.T(tc.key); got != want {
			t.Errorf("%s: %q; want %q", tc.name, got, want)
		}
	}
	other := &wxapi.APIError{Code: 45002, Err: errors.New("errcode=45002")}
	if got := reason(other); got != catalog.T("console.ticket2.reason.other", "code", "45002") {
		t.Errorf("other errcode: %q", got)
	}
}
