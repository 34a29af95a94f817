package staff

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckUsername(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"wang", true},
		{"wang.fang", true},
		{"agent_02", true},
		{"a-b", true},
		{"ab", true},
		{"a", false},                    // too short
		{strings.Repeat("a", 32), true}, // longest
		{strings.Repeat("a", 33), false},
		{"Wang", false}, // normalise first
		{"2wang", false},
		{"wang fang", false},
		{"王芳", false},
		{"", false},
		{"wang;drop", false},
	}
	for _, tc := range cases {
		err := CheckUsername(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("CheckUsername(%q) = %v, want ok=%v", tc.in, err, tc.ok)
		}
		var fe *FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != "username" || fe.Message() == "") {
			t.Errorf("CheckUsername(%q) error %v is not a username FieldError with a message", tc.in, err)
		}
	}
	if got := NormalizeUsername("  Wang.Fang "); got != "wang.fang" {
		t.Errorf("NormalizeUsername = %q", got)
	}
}

func TestUserCheck(t *testing.T) {
	cases := []struct {
		name  string
		u     User
		field string // "" when valid
	}{
		{"valid", User{Username: "wang", DisplayName: "王芳", Role: RoleAgent}, ""},
		{"no display name", User{Username: "wang", Role: RoleAdmin}, ""},
		{"bad username", User{Username: "W", Role: RoleAgent}, "username"},
		{"long display name", User{Username: "wang", DisplayName: strings.Repeat("王", 51), Role: RoleAgent}, "display_name"},
		{"control character", User{Username: "wang", DisplayName: "王\n芳", Role: RoleAgent}, "display_name"},
		{"no role", User{Username: "wang"}, "role"},
		{"unknown role", User{Username: "wang", Role: "root"}, "role"},
	}
	for _, tc := range cases {
		err := tc.u.Check()
		var fe *FieldError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field):
			t.Errorf("%s: error %v, want a FieldError on %s", tc.name, err, tc.field)
		}
	}
	if (User{Username: "wang"}).Name() != "wang" || (User{Username: "wang", DisplayName: "王芳"}).Name() != "王芳" {
		t.Error("Name does not fall back to the username")
	}
}
