package triage

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// TestConfigExample checks that testdata/config.yaml, written as an operator would, decodes
// into the configuration types and means the same as the built-in defaults.
func TestConfigExample(t *testing.T) {
	b, err := os.ReadFile("testdata/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Calendar   CalendarConfig `yaml:"calendar"`
		Policies   Policies       `yaml:"policies"`
		VisitSlots []Slot         `yaml:"visit_slots"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg.Policies, DefaultPolicies()) {
		t.Errorf("policies\n got %v\nwant %v", cfg.Policies, DefaultPolicies())
	}
	if err := CheckSlots(cfg.VisitSlots); err != nil || len(cfg.VisitSlots) != 2 {
		t.Errorf("slots %v: %v", cfg.VisitSlots, err)
	}
	fromFile, err := NewCalendar(cfg.Calendar)
	if err != nil {
		t.Fatal(err)
	}
	builtin := china(t)
	if !reflect.DeepEqual(fromFile, builtin) {
		t.Error("calendar from testdata/config.yaml differs from China2026()")
	}
	// Spot-check every day of 2026 against the built-in calendar, independent of layout.
	for d := (Date{2026, time.January, 1}); d.Year == 2026; d = d.AddDays(1) {
		if fromFile.IsWorkingDay(d) != builtin.IsWorkingDay(d) {
			t.Errorf("%s differs", d)
		}
	}
}

func TestDateInYAML(t *testing.T) {
	var v struct {
		Bought Date `yaml:"bought"`
	}
	if err := yaml.Unmarshal([]byte("bought: 2024年5月\n"), &v); err != nil || v.Bought != (Date{2024, time.May, 0}) {
		t.Errorf("got %v, %v", v.Bought, err)
	}
	if err := yaml.Unmarshal([]byte("bought: 2024-02-30\n"), &v); err == nil {
		t.Error("impossible date accepted")
	}
}
