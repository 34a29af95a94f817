package bot

import (
	"strings"
	"testing"
	"time"
)

// TestReadVisitWish reads visit times from a message sent on Sunday 22 November 2026, 10:00.
func TestReadVisitWish(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, visitZone)
	tests := []struct {
		text string
		want string // days (MM-DD), part, flags
	}{
		{"明天下午", "11-23 afternoon"},
		{"周六上午", "11-28 morning"},
		{"后天早上", "11-24 morning"},
		{"大后天", "11-25"},
		{"这周六", "11-28"}, // said on Sunday: the coming one, not yesterday
		{"下周一上午", "11-23 morning"},
		{"下下周三", "12-02"},
		{"周日", "11-22"},
		{"今天晚上", "11-22 evening"},
		{"今晚可以吗", "11-22 evening question"},
		{"3号上午", "12-03 morning"},
		{"12月1日下午", "12-01 afternoon"},
		{"周末可以吗", "weekend question"},
		{"下周末", "11-28,11-29 weekend"},
		{"随便 越快越好", "earliest"},
		{"这几个时间都不方便", "none"},
		{"都不行", "none"},
		{"好的", ""},
		// house numbers, floors, purchase dates: no visit day
		{"地址是厦门思明区莲前西路188号7楼 你记一下", ""},
		{"天河北路235号 不是233", ""},
		{"住在锦绣花园3号楼2单元", ""},
		{"朝阳区建国路18号院", ""},
		{"去年6月18号京东买的", ""},
		{"购买时间是2021年12月5号", ""},
		{"6月18号喺淘宝买嘅", ""},
		{"地址 荔湾区 长寿路12号", ""},
		{"5号买的 师傅5号下午能来吗", "12-05 afternoon question"},
		{"去年双十一买的，明天上午来吧", "11-23 morning"},
		{"18号上门", "12-18"},
	}
	for _, tt := range tests {
		w := readVisitWish(tt.text, now)
		var got []string
		var days []string
		for _, d := range w.days {
			days = append(days, d.Format("01-02"))
		}
		if len(days) > 0 {
			got = append(got, strings.Join(days, ","))
		}
		for _, f := range []struct {
			on   bool
			name string
		}{{w.part != partAny, string(w.part)}, {w.weekend, "weekend"}, {w.question, "question"}, {w.earliest, "earliest"}, {w.none, "none"}} {
			if f.on {
				got = append(got, f.name)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}
