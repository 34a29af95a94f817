package config

import (
	"errors"
	"testing"
	"time"
)

// The shipped file routes complaints to 投诉处理组 within 2 hours; the environment changes
// both, an empty file routes them like any ticket, and the staff groups include the
// complaint group once.
func TestComplaintRouting(t *testing.T) {
	c, err := Load("../../config.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Routing.ComplaintGroup != "投诉处理组" || c.Routing.ComplaintWithin != 2*time.Hour {
		t.Errorf("shipped: %q within %v", c.Routing.ComplaintGroup, c.Routing.ComplaintWithin)
	}
	groups := c.Routing.StaffGroups()
	if len(groups) != len(c.Routing.Groups)+1 || groups[len(groups)-1].Name != "投诉处理组" || len(c.Routing.StaffGroups()) != len(groups) {
		t.Errorf("staff groups %v", groups)
	}
	c, err = Load("../../config.yaml", env(map[string]string{"INTAKE_ROUTING_COMPLAINT_GROUP": "客户关系部", "INTAKE_ROUTING_COMPLAINT_WITHIN": "1h"}))
	if err != nil || c.Routing.ComplaintGroup != "客户关系部" || c.Routing.ComplaintWithin != time.Hour {
		t.Fatalf("environment: %+v %v", c.Routing, err)
	}
	if c, err = Load("", env(nil)); err != nil || c.Routing.ComplaintGroup != "" || c.Routing.ComplaintWithin != 2*time.Hour {
		t.Fatalf("empty file: %+v %v", c.Routing, err)
	}
	_, err = Load("", env(map[string]string{"INTAKE_ROUTING_COMPLAINT_WITHIN": "-1h"}))
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "routing.complaint_within" {
		t.Fatalf("negative target: %v", err)
	}
}
