// Package staffdb stores staff accounts, sessions and API tokens, the internal notes
// staff write on tickets, and the audit log, with gorm on MySQL/MariaDB or SQLite. Store
// implements staff.Store, staff.Notes and staff.AuditLog; row structs are private and
// converted with toDB…/toDomain… functions.
//
// # Tables
//
//	staff_users     one row per account: unique username, display name, role, bcrypt
//	                hash, disabled flag, created/updated.
//	staff_sessions  sessions and API tokens: the SHA-256 of the token (never the token),
//	                the user, kind (session | api), name, created, expires, last seen.
//	                Deleting a row revokes it.
//	staff_notes     internal notes on tickets, by ticket number, oldest first.
//	audit_log       who (actor) did what (action) to what (target), when (at), with a JSON
//	                detail; newest first by id.
//
// Rows are deleted explicitly rather than through foreign keys, which SQLite only
// enforces when told to.
package staffdb
