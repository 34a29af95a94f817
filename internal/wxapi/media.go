package wxapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/silenceper/wechat/v2/util"
)

// ErrMediaTooLarge means a media file is larger than the caller accepts.
var ErrMediaTooLarge = errors.New("wxapi: media too large")

// Media downloads a customer's temporary media file (kept by WeChat for 3 days) through
// /cgi-bin/media/get: its bytes, at most max of them, and the Content-Type WeChat gave.
// A refused token is invalidated and the call retried once; WeChat's JSON errors come
// back as *APIError.
func (c *Client) Media(ctx context.Context, mediaID string, max int64) (string, []byte, error) {
	const api = "media_get"
	for attempt := 0; ; attempt++ {
		c.metrics.OutboundCalls.WithLabelValues(api).Inc()
		token, err := c.tokens.GetAccessTokenContext(ctx)
		if err != nil {
			return "", nil, &APIError{API: api, Err: err}
		}
		ctype, body, code, err := getMedia(ctx, c.base, token, mediaID, max)
		if err == nil {
			return ctype, body, nil
		}
		c.metrics.OutboundErrors.WithLabelValues(api, strconv.Itoa(code)).Inc()
		if attempt == 0 && (code == CodeInvalidToken || code == CodeInvalidToken2 || code == CodeTokenExpired) {
			c.tokens.Invalidate(ctx, token)
			continue
		}
		return "", nil, &APIError{API: api, Code: code, Err: err}
	}
}

// getMedia makes one media/get call: the file, or WeChat's errcode.
func getMedia(ctx context.Context, base, token, mediaID string, max int64) (string, []byte, int, error) {
	u := base + "/cgi-bin/media/get?" + url.Values{"access_token": {token}, "media_id": {mediaID}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", nil, 0, err
	}
	res, err := util.DefaultHTTPClient.Do(req)
	if err != nil {
		return "", nil, 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", nil, 0, fmt.Errorf("HTTP %d", res.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, max+1))
	if err != nil {
		return "", nil, 0, err
	}
	if int64(len(body)) > max {
		return "", nil, 0, ErrMediaTooLarge
	}
	ctype := res.Header.Get("Content-Type")
	if mt, _, _ := mime.ParseMediaType(ctype); mt == "application/json" || mt == "text/plain" {
		var e struct {
			Errcode int    `json:"errcode"`
			Errmsg  string `json:"errmsg"`
		}
		if json.Unmarshal(body, &e) == nil && e.Errcode != 0 {
			return "", nil, e.Errcode, fmt.Errorf("errcode=%d errmsg=%s", e.Errcode, e.Errmsg)
		}
	}
	return ctype, body, 0, nil
}
