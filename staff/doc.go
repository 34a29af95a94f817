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
//	chat.override                          ✓     take over or hand back another agent's chat
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
// Every login attempt is counted before its password is checked (Throttle.Attempt, one
// atomic step), so concurrent guesses cannot all be evaluated before the first failure
// is counted. Three counters apply, each under its LoginPolicy:
//
//   - a username on one address (LoginKey, DefaultLoginPolicy): 5 attempts within 15
//     minutes lock that pair for 15 minutes, then 30, 60… at most a day;
//   - an address (AddressKey, AddressLoginPolicy): 50 attempts within 15 minutes lock it,
//     whatever usernames it tries; its successful logins are not counted (Forgive);
//   - a username from anywhere (UsernameKey, UsernameLoginPolicy): a backoff, never a
//     lockout — after 10 attempts within 15 minutes each further one makes the next
//     wait 1 s, 2 s, 4 s… at most 30 s.
//
// So an attacker guessing from one address locks only that address; one guessing from
// many is slowed to one guess per 30 s per username, while the real user, on their own
// address, waits seconds at most. A successful login forgets the username's counters. The
// address is the client's behind a trusted proxy (config http.trusted_proxies). The keys
// name the counters without the username or address in clear.
//
// # Audit
//
// Auditor records who did what to what (Record); the actions are the Action… constants.
// Logins (success and failure, never the password), take-overs, hand-backs, status
// changes, assignments, account changes and rule publishes are recorded.
package staff
