package handlers_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// TestMustChangePassword (issue 13): an account with a generated password logs in, may
// use only its session's own routes until it sets its own password, and afterwards works
// normally with the new one.
func TestMustChangePassword(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	ctx := context.Background()
	const generated, chosen = "GENERATEDPASSWORD2345ABCDE", "my own long passphrase 7"
	hash, err := staff.HashPassword(generated)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, err := s.Staff.CreateUser(ctx, staff.User{Username: "admin", Role: staff.RoleAdmin, MustChangePassword: true,
		CreatedAt: now, UpdatedAt: now}, hash); err != nil {
		t.Fatal(err)
	}
	login := func(pw string) (int, string) {
		r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/login", Body: `{"username":"admin","password":"` + pw + `"}`})
		if r.Status != http.StatusOK {
			return r.Status, ""
		}
		tok, _ := r.JSON(t)["token"].(string)
		return r.Status, tok
	}
	code, tok := login(generated)
	if code != http.StatusOK {
		t.Fatalf("login with the generated password: %d", code)
	}
	call := func(method, path, body, bearer string) reply {
		return do(t, plain, c.URL, request{Method: method, Path: path, Body: body, Bearer: bearer})
	}
	for _, path := range []string{"/api/v1/tickets", "/api/v1/users", "/api/v1/audit"} {
		if r := call("GET", path, "", tok); r.Status != http.StatusForbidden || r.Code(t) != "password_change_required" {
			t.Errorf("GET %s before the change: %d %s", path, r.Status, r.Body)
		}
	}
	if r := call("GET", "/api/v1/session", "", tok); r.Status != http.StatusOK {
		t.Errorf("GET /api/v1/session: %d %s", r.Status, r.Body)
	}
	for _, tc := range []struct{ body, field string }{
		{`{"current_password":"wrong","new_password":"` + chosen + `"}`, "current_password"},
		{`{"current_password":"` + generated + `","new_password":"short"}`, "new_password"},
		{`{"current_password":"` + generated + `","new_password":"` + generated + `"}`, "new_password"},
	} {
		if r := call("POST", "/api/v1/password", tc.body, tok); r.Status != http.StatusBadRequest || r.JSON(t)["field"] != tc.field {
			t.Errorf("%s: %d %s", tc.body, r.Status, r.Body)
		}
	}
	if r := call("POST", "/api/v1/password", `{"current_password":"`+generated+`","new_password":"`+chosen+`"}`, tok); r.Status != http.StatusNoContent {
		t.Fatalf("change: %d %s", r.Status, r.Body)
	}
	if r := call("GET", "/api/v1/session", "", tok); r.Status != http.StatusUnauthorized {
		t.Errorf("the old session after the change: %d", r.Status)
	}
	if code, _ := login(generated); code != http.StatusUnauthorized {
		t.Errorf("login with the generated password after the change: %d", code)
	}
	code, tok = login(chosen)
	if code != http.StatusOK {
		t.Fatalf("login with the new password: %d", code)
	}
	if r := call("GET", "/api/v1/tickets", "", tok); r.Status != http.StatusOK {
		t.Errorf("GET /api/v1/tickets after the change: %d %s", r.Status, r.Body)
	}
	if u, err := s.Staff.User(ctx, "admin"); err != nil || u.MustChangePassword {
		t.Errorf("after the change: %+v %v", u, err)
	}
}
