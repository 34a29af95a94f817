// Package canned keeps the canned replies (常用回复) agents pick from in a ticket's reply
// box: short, ready-made answers such as "您好，师傅将在两小时内与您联系。" that the agent
// inserts and may edit before sending. Admins maintain them in the console; nothing is
// seeded, so a new installation starts with none.
//
// A Reply has an optional Title (at most MaxTitle characters; the picker shows the start
// of the text without one) and a Text of 1 to MaxText characters, the same limit as a
// staff reply to the customer. Check validates both and answers with a *staff.FieldError,
// whose Chinese message comes from the catalog (console.canned.invalid.…).
//
// Store keeps them with gorm in the table canned_replies, on MySQL/MariaDB or SQLite;
// Migrate creates it (migration 0005_canned_replies). Replies are listed oldest first, the
// order admins added them in.
package canned
