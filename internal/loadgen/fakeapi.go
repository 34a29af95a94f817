package loadgen

import (
	"io"
	"net/http"
	"sync/atomic"
)

// FakeAPI stands in for api.weixin.qq.com during a load run: it issues access tokens and
// accepts every customer-service or template message, so a service under load never
// reaches the real API. Calls counts the requests it answered.
type FakeAPI struct {
	Calls atomic.Int64
}

// ServeHTTP answers a token request with a token and anything else with errcode 0.
func (f *FakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.Calls.Add(1)
	_, _ = io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/cgi-bin/token", "/cgi-bin/stable_token":
		_, _ = io.WriteString(w, `{"access_token":"LOADGENTOKEN","expires_in":7200}`)
	default:
		_, _ = io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	}
}
