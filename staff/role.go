package staff

import (
	"slices"

	"github.com/wxintake/intake/catalog"
)

// Role is what a staff member is for; it decides their permissions.
type Role string

// The roles.
const (
	RoleAgent  Role = "agent"  // 客服坐席: works tickets and chats with customers
	RoleEditor Role = "editor" // 内容编辑: maintains the troubleshooting rules
	RoleAdmin  Role = "admin"  // 管理员: everything, including the accounts
)

// Roles lists every role, least powerful first.
func Roles() []Role { return []Role{RoleAgent, RoleEditor, RoleAdmin} }

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Label returns the role as staff read it, e.g. "客服坐席".
func (r Role) Label() string { return catalog.T("staff.role." + string(r)) }

// Can reports whether the role grants p. An unknown role grants nothing.
func (r Role) Can(p Permission) bool { return slices.Contains(grants[r], p) }

// Permissions returns what the role grants, in the order of Permissions().
func (r Role) Permissions() []Permission {
	var out []Permission
	for _, p := range Permissions() {
		if r.Can(p) {
			out = append(out, p)
		}
	}
	return out
}

// Permission is one thing a role may do. Every console and API endpoint requires one.
type Permission string

// The permissions; see the package comment for the matrix.
const (
	// PermSelf covers a signed-in user's own affairs: who am I, logout, own API tokens.
	PermSelf Permission = "self"
	// PermReadTickets reads the queue and tickets, without the customer's personal data.
	PermReadTickets Permission = "tickets.read"
	// PermWriteTickets changes status, writes internal notes and claims tickets.
	PermWriteTickets Permission = "tickets.write"
	// PermAssignTickets assigns tickets to anyone, not only to oneself.
	PermAssignTickets Permission = "tickets.assign"
	// PermReadCustomerPII reads the customer's name, phone, address, location and OpenID,
	// the chat transcript and the staff notes.
	PermReadCustomerPII Permission = "customers.pii"
	// PermChat takes over a conversation from the bot, replies and hands it back.
	PermChat Permission = "chat"
	// PermOverrideChat takes over, or hands back, a conversation another agent holds.
	PermOverrideChat Permission = "chat.override"
	// PermEditRules edits draft troubleshooting rules.
	PermEditRules Permission = "rules.edit"
	// PermPublishRules publishes the rules the bot uses.
	PermPublishRules Permission = "rules.publish"
	// PermViewDashboard reads the aggregate dashboard.
	PermViewDashboard Permission = "dashboard.view"
	// PermManageUsers creates accounts, changes roles, disables and resets passwords.
	PermManageUsers Permission = "users.manage"
	// PermViewAudit reads the audit log.
	PermViewAudit Permission = "audit.view"
	// PermManageCanned adds, edits and deletes the canned replies agents pick from.
	PermManageCanned Permission = "canned.manage"
)

// Permissions lists every permission.
func Permissions() []Permission {
	return []Permission{PermSelf, PermReadTickets, PermWriteTickets, PermAssignTickets,
		PermReadCustomerPII, PermChat, PermOverrideChat, PermEditRules, PermPublishRules, PermViewDashboard,
		PermManageUsers, PermViewAudit, PermManageCanned}
}

// grants is the permission matrix.
var grants = map[Role][]Permission{
	RoleAgent: {PermSelf, PermReadTickets, PermWriteTickets, PermReadCustomerPII, PermChat,
		PermViewDashboard},
	RoleEditor: {PermSelf, PermReadTickets, PermEditRules, PermPublishRules, PermViewDashboard},
	RoleAdmin:  Permissions(),
}
