// Package staff is the model of the people who work the console: their accounts, what
// each role may do, their sessions and API tokens, the login throttle and the audit log.
// It is pure — no storage, no network, no clock (time arrives as arguments) — and every
// sentence staff read comes from the catalog (catalog/staff.yaml). Storage lives in
// staff/staffdb (accounts, sessions, notes, audit log on gorm) and staff/staffredis (the
// login throttle, shared by every instance through Redis).
//
// # Roles and permissions
//
// A User has one Role: agent (客服坐席: works tickets and chats), editor (内容编辑:
// maintains the troubleshooting rules) or admin (管理员: everything, and the accounts).
// Code never asks "is this an admin?"; it asks Role.Can(Permission). The matrix:
//
//	permission            agent  editor  admin
//	self                    ✓      ✓       ✓     own session, logout, own API tokens
//	tickets.read            ✓      ✓       ✓     queue and ticket details without PII
//	tickets.write           ✓              ✓     status, notes, claim (assign to self)
//	tickets.assign                         ✓     assign to anyone
//	customers.pii           ✓              ✓     name, phone, address, OpenID, transcript, notes
//	chat                    ✓              ✓     take over, reply, hand back
//	rules.edit                     ✓       ✓
//	rules.publish                  ✓       ✓
//	dashboard.view          ✓      ✓       ✓
//	users.manage                           ✓
//	audit.view                             ✓
//	canned.manage                          ✓     the canned replies agents pick from
//
// An editor therefore reads tickets as fault reports — product, symptom, triage — but
// never a customer's contact details, the chat or the staff notes.
//
// # Sessions and tokens
//
// A login creates a Session: a random 32-byte token handed to the client once (as the
// intake_session cookie and in the login answer) and kept by the store only as its
// SHA-256 (HashToken), so a stolen database holds no usable credential and every session
// can be revoked by deleting its row. A personal API token (KindAPI) is the same thing
// with a longer life and a name. Each login makes a new token, so a session id planted
// before login is never promoted (no fixation). CSRFToken derives the per-session CSRF
// token from the session token: pages and API clients using the cookie must echo it.
//
// # Login throttle
//
// LoginPolicy says how many failures lock a username on one address and for how long;
// each further lockout within Memory doubles the time, up to MaxLockout. LoginKey names
// the throttle's counter without the username or address in clear.
//
// # Audit
//
// Auditor records who did what to what (Record); the actions are the Action… constants.
// Logins (success and failure, never the password), take-overs, hand-backs, status
// changes, assignments, account changes and rule publishes are recorded.
package staff
