package wxapi

import (
	"errors"
	"testing"
)

// TestErrcode reads WeChat's errcode out of the SDK's error text, the negative "system
// busy" (-1) included.
func TestErrcode(t *testing.T) {
	for _, tc := range []struct {
		err  string
		want int
	}{
		{"SendCustomMessage Error , errcode=45047 , errmsg=out of response count limit", 45047},
		{"SendCustomMessage Error , errcode=-1 , errmsg=system error", -1},
		{"http get error : uri=https://api.weixin.qq.com/x , statusCode=500", 0},
	} {
		if got := errcode(errors.New(tc.err)); got != tc.want {
			t.Errorf("errcode(%q) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
