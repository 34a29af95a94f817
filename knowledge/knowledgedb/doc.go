// Package knowledgedb stores the troubleshooting knowledge that content editors change at
// run time, in MySQL/MariaDB or SQLite, and carries each publish to every running
// instance through Redis.
//
// # Model
//
// A revision (table kb_revisions) is one published version of the whole knowledge set:
// every YAML file (path → text, one JSON column), its hash, who published it, when and
// why. Its id is the version; versions count up in publishing order, and exactly one
// revision has status "published", the current one; the others are "superseded". Revision
// 1 is the knowledge shipped with the binary, stored on first start (EnsureSeeded).
// Because whole files are kept, any revision can be parsed again (knowledge.Parse),
// exported, compared (Diff, line by line per file) or rolled back to.
//
// The draft (table kb_draft, one row) is the set the editors work on together. They
// change it one rule at a time (PutRule, DeleteRule) or replace it (Import). Edits are made
// to the YAML text itself: a rule's lines are replaced where they are, or appended to the
// file of its category (rules/<category>.yaml, rules/safety.yaml for hazards,
// rules/general.yaml), so comments and layout survive and a diff shows only what changed.
// Every edit is checked (the rule on its own and against the set) and the draft always
// parses and validates.
//
// # Publishing
//
// Publish checks the draft with knowledge.CheckPublishable (validation, then every sample
// must rank its own rule first) and, in one transaction under the draft row's lock, marks
// the current revision superseded and inserts the new one. Rollback publishes a copy of an
// old revision the same way and resets the draft to it.
//
// A Publisher does the same and then announces the new version on the Redis channel
// <prefix>kb:published. Each instance runs a Watcher: on an announcement, and every five
// seconds in case one was lost, it reads the current version, and when it is not the one
// served it loads and parses that revision and hands it to the instance, which builds the
// new knowledge base and swaps it in with one pointer store. No instance restarts, and none
// ever serves half a revision.
package knowledgedb
