package triagedb

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		attempts int
		want     time.Duration
	}{
		{-1, 30 * time.Second},
		{0, 30 * time.Second},
		{1, 30 * time.Second},
		{2, time.Minute},
		{3, 2 * time.Minute},
		{7, 32 * time.Minute},
		{8, time.Hour}, // 64 min, capped
		{9, time.Hour},
		{63, time.Hour},
		{1000, time.Hour},
	}
	for _, tt := range tests {
		if got := Backoff(tt.attempts); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.attempts, got, tt.want)
		}
	}
}

func BenchmarkBackoff(b *testing.B) {
	for b.Loop() {
		Backoff(5)
	}
}
