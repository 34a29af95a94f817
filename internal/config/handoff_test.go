package config

import (
	"errors"
	"testing"
	"time"
)

// A customer who asks for a person before reporting anything waits 10 minutes by default
// before the bot takes the intake back; the environment changes it, and a wait under a
// minute or over a day stops the service at start.
func TestHandoffWait(t *testing.T) {
	for _, tc := range []struct {
		name, file, env string
		want            time.Duration
		bad             bool
	}{
		{"shipped file", "../../config.yaml", "", 10 * time.Minute, false},
		{"no file", "", "", 10 * time.Minute, false},
		{"environment", "../../config.yaml", "5m", 5 * time.Minute, false},
		{"too short", "", "30s", 0, true},
		{"too long", "", "48h", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{}
			if tc.env != "" {
				vars["INTAKE_CONSOLE_HANDOFF_WAIT"] = tc.env
			}
			c, err := Load(tc.file, env(vars))
			if tc.bad {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "console.handoff_wait" || fe.Env != "INTAKE_CONSOLE_HANDOFF_WAIT" {
					t.Fatalf("want a console.handoff_wait error, got %v", err)
				}
				return
			}
			if err != nil || c.Console.HandoffWait != tc.want {
				t.Fatalf("handoff wait %v, %v; want %v", c.Console.HandoffWait, err, tc.want)
			}
		})
	}
}
