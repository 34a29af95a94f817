package staff

import (
	"context"
	"encoding/json"
	"time"
)

// Auditor records who did what. Everything that changes a ticket's handling, an account
// or the published rules, and every login attempt, is recorded. Implementations never
// fail the action being recorded for long: a record that cannot be written is an error
// the caller logs.
type Auditor interface {
	// Record appends an entry: actor (a username, or "cli"/"system") did action (one of
	// the Action… constants) to target (a ticket number, username, rule set…). detail is
	// encoded as JSON (nil for none) and must never hold a password or a token.
	Record(ctx context.Context, actor, action, target string, detail any) error
}

// AuditLog is an Auditor that can also be read, for admins.
type AuditLog interface {
	Auditor
	// Audit returns the entries matching f, newest first, and how many match in all.
	Audit(ctx context.Context, f AuditFilter, p Page) ([]AuditEntry, int, error)
}

// The audited actions.
const (
	ActionLogin         = "login"        // detail: ip, kind
	ActionLoginFailed   = "login.failed" // detail: ip, reason (bad_credentials | disabled)
	ActionLoginLocked   = "login.locked" // detail: ip, minutes
	ActionLogout        = "logout"       // detail: kind
	ActionTakeover      = "ticket.takeover"
	ActionHandback      = "ticket.handback"
	ActionStatus        = "ticket.status"  // detail: from, to, note
	ActionAssign        = "ticket.assign"  // detail: from, to
	ActionVisit         = "ticket.visit"   // detail: from, to (the windows' labels)
	ActionUserCreate    = "user.create"    // detail: role
	ActionUserUpdate    = "user.update"    // detail: the changed fields (never the password itself)
	ActionTokenCreate   = "token.create"   // detail: name, expires_at
	ActionTokenRevoke   = "token.revoke"   // detail: id
	ActionRulesPublish  = "rules.publish"  // detail: set by the knowledge editor
	ActionRulesImport   = "rules.import"   // target: "draft"; detail: files, hash
	ActionRulesRollback = "rules.rollback" // target: the new version; detail: from, message, hash
	ActionCannedCreate  = "canned.create"  // target: the reply's id; detail: title
	ActionCannedUpdate  = "canned.update"  // target: the reply's id; detail: title
	ActionCannedDelete  = "canned.delete"  // target: the reply's id; detail: title
)

// AuditEntry is one recorded action.
type AuditEntry struct {
	ID     uint64
	At     time.Time
	Actor  string
	Action string
	Target string
	Detail json.RawMessage // a JSON object, or null
}

// AuditFilter narrows the audit log; zero fields do not filter.
type AuditFilter struct {
	Actor  string
	Action string
	Target string
	Since  time.Time // inclusive
	Until  time.Time // exclusive
}

// Page selects part of a list: Limit items after skipping Offset. A zero Limit means the
// store's default page size.
type Page struct {
	Offset int
	Limit  int
}
