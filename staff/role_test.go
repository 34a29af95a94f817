package staff

import (
	"slices"
	"testing"
)

// TestPermissionMatrix spells the matrix out independently of grants: a change to who
// may do what must change this table too.
func TestPermissionMatrix(t *testing.T) {
	const A, E, D = "agent", "editor", "admin"
	matrix := map[Permission][]string{
		PermSelf:            {A, E, D},
		PermReadTickets:     {A, E, D},
		PermWriteTickets:    {A, D},
		PermAssignTickets:   {D},
		PermReadCustomerPII: {A, D},
		PermChat:            {A, D},
		PermOverrideChat:    {D},
		PermEditRules:       {E, D},
		PermPublishRules:    {E, D},
		PermViewDashboard:   {A, E, D},
		PermManageUsers:     {D},
		PermViewAudit:       {D},
		PermManageCanned:    {D},
	}
	if len(matrix) != len(Permissions()) {
		t.Fatalf("matrix has %d permissions, Permissions() %d", len(matrix), len(Permissions()))
	}
	for _, p := range Permissions() {
		allowed, ok := matrix[p]
		if !ok {
			t.Errorf("permission %s is missing from the test matrix", p)
		}
		for _, r := range Roles() {
			if got, want := r.Can(p), slices.Contains(allowed, string(r)); got != want {
				t.Errorf("%s.Can(%s) = %v, want %v", r, p, got, want)
			}
		}
	}
}

func TestTheBriefsExamples(t *testing.T) {
	cases := []struct {
		role Role
		perm Permission
		want bool
	}{
		{RoleAgent, PermPublishRules, false},     // an agent cannot publish rules
		{RoleEditor, PermReadCustomerPII, false}, // an editor cannot read phones or chats
		{RoleEditor, PermChat, false},
		{RoleAdmin, PermPublishRules, true},
		{Role("root"), PermSelf, false}, // unknown roles grant nothing
		{"", PermReadTickets, false},
	}
	for _, tc := range cases {
		if got := tc.role.Can(tc.perm); got != tc.want {
			t.Errorf("%q.Can(%s) = %v, want %v", tc.role, tc.perm, got, tc.want)
		}
	}
}

func TestDisabledUserCanNothing(t *testing.T) {
	u := User{Username: "wang", Role: RoleAdmin}
	if !u.Can(PermManageUsers) {
		t.Fatal("enabled admin cannot manage users")
	}
	u.Disabled = true
	for _, p := range Permissions() {
		if u.Can(p) {
			t.Errorf("disabled admin can %s", p)
		}
	}
}

func TestRolePermissionsAndLabels(t *testing.T) {
	if got := RoleAdmin.Permissions(); !slices.Equal(got, Permissions()) {
		t.Errorf("admin permissions = %v", got)
	}
	if got := Role("x").Permissions(); got != nil {
		t.Errorf("unknown role permissions = %v", got)
	}
	want := map[Role]string{RoleAgent: "客服坐席", RoleEditor: "内容编辑", RoleAdmin: "管理员"}
	for r, label := range want {
		if r.Label() != label {
			t.Errorf("%s.Label() = %q, want %q", r, r.Label(), label)
		}
	}
}

func BenchmarkRoleCan(b *testing.B) {
	for b.Loop() {
		_ = RoleEditor.Can(PermViewAudit)
	}
}
