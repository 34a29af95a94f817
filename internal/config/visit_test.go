package config

import (
	"errors"
	"testing"
)

// Engineer visits are offered on working days only by default; the environment opens
// weekend days and an evening window, and an evening that is no time range stops the
// service at start.
func TestVisitWindows(t *testing.T) {
	for _, tc := range []struct {
		name, file      string
		weekend, eve    string
		wantWeekend     bool
		wantStart, want string
		bad             bool
	}{
		{"shipped file", "../../config.yaml", "", "", false, "", "", false},
		{"no file", "", "", "", false, "", "", false},
		{"environment", "../../config.yaml", "true", "18:30-20:30", true, "18:30", "20:30", false},
		{"en dash", "", "", "18:00–20:00", false, "18:00", "20:00", false},
		{"backwards", "", "", "20:00-18:00", false, "", "", true},
		{"words", "", "", "晚上", false, "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{}
			if tc.weekend != "" {
				vars["INTAKE_BUSINESS_VISIT_WEEKEND"] = tc.weekend
			}
			if tc.eve != "" {
				vars["INTAKE_BUSINESS_VISIT_EVENING"] = tc.eve
			}
			c, err := Load(tc.file, env(vars))
			if tc.bad {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "business.visit_evening" || fe.Env != "INTAKE_BUSINESS_VISIT_EVENING" {
					t.Fatalf("want a business.visit_evening error, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			start, end, err := c.Business.EveningHours()
			if err != nil || c.Business.VisitWeekend != tc.wantWeekend || start != tc.wantStart || end != tc.want {
				t.Fatalf("weekend %v, evening %s-%s, %v", c.Business.VisitWeekend, start, end, err)
			}
		})
	}
}
