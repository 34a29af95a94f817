package bot

import (
	"testing"
	"time"
)

func TestWindowRemaining(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		w    Window
		at   time.Time
		want int
	}{
		{"never wrote", Window{}, t0, 0},
		{"fresh message", Window{OpenedAt: t0}, t0.Add(time.Minute), 5},
		{"three used", Window{OpenedAt: t0, Used: 3}, t0.Add(time.Hour), 2},
		{"quota used up", Window{OpenedAt: t0, Used: 5}, t0.Add(time.Hour), 0},
		{"just inside 48h", Window{OpenedAt: t0}, t0.Add(48*time.Hour - time.Second), 5},
		{"48h passed", Window{OpenedAt: t0}, t0.Add(48 * time.Hour), 0},
		{"menu click", Window{OpenedAt: t0, Event: true}, t0.Add(30 * time.Second), 3},
		{"menu click a minute later", Window{OpenedAt: t0, Event: true}, t0.Add(time.Minute), 0},
	}
	for _, tc := range cases {
		if got, _ := tc.w.Remaining(tc.at); got != tc.want {
			t.Errorf("%s: %d remaining, want %d", tc.name, got, tc.want)
		}
	}
}
