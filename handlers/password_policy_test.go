package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// TestUsersAPIRefusesWeakPasswords (issue 14): new and reset passwords need 12 characters
// and must not be common ones; staff read why, in Chinese.
func TestUsersAPIRefusesWeakPasswords(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	admin := token(t, s, "admin1")
	call := func(method, path, body string) reply {
		return do(t, plain, c.URL, request{Method: method, Path: path, Body: body, Bearer: admin})
	}
	for _, tc := range []struct{ pw, says string }{
		{"elevenchars", "12"},
		{"woaini1314520", "常见"},
		{"Password1234", "常见"},
		{"1qaz2wsx3edc", "常见"},
	} {
		for _, r := range []reply{
			call("POST", "/api/v1/users", `{"username":"xiao.zhao","role":"agent","password":"`+tc.pw+`"}`),
			call("PATCH", "/api/v1/users/agent1", `{"password":"`+tc.pw+`"}`),
		} {
			m := r.JSON(t)
			if msg, _ := m["message"].(string); r.Status != http.StatusBadRequest || m["field"] != "password" || !strings.Contains(msg, tc.says) {
				t.Errorf("password %q: %d %s", tc.pw, r.Status, r.Body)
			}
		}
	}
	if r := loginAttempt(t, c.URL, "agent1", password("agent1")); r.Status != http.StatusOK {
		t.Fatalf("a refused reset changed the password: %d %s", r.Status, r.Body)
	}
	if r := call("POST", "/api/v1/users", `{"username":"xiao.zhao","role":"agent","password":"tea kettle on the stove"}`); r.Status != http.StatusCreated {
		t.Fatalf("a good password: %d %s", r.Status, r.Body)
	}
}

// TestOldWeakPasswordStillLogsIn: the policy applies to new passwords only; an account
// whose password predates it signs in as before.
func TestOldWeakPasswordStillLogsIn(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	h, err := bcrypt.GenerateFromPassword([]byte("12345678"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Staff.CreateUser(context.Background(), staff.User{Username: "veteran", Role: staff.RoleAgent, CreatedAt: time.Now()}, h); err != nil {
		t.Fatal(err)
	}
	if r := loginAttempt(t, c.URL, "veteran", "12345678"); r.Status != http.StatusOK {
		t.Fatalf("an account with an old short password: %d %s", r.Status, r.Body)
	}
}
