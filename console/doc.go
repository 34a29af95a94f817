// Package console is the staff console's web pages: server-rendered html/template pages
// under /console for agents and admins — the login, the ticket queue, one ticket with its
// live conversation, the dashboard — with a small script for progressive enhancement
// (SLA countdowns, the live transcript over server-sent events, and actions sent to the
// JSON API under /api/v1 with the session's CSRF token).
//
// The pages share the API's session: the login page posts to POST /api/v1/login, which
// sets the intake_session cookie, and every page resolves that cookie itself. Pages
// only read; every change goes through the API, so its permission checks, throttles
// and audit apply unchanged. The one page POST, logout, checks the CSRF token.
//
// Customer-supplied text (symptoms, names, transcripts) is only ever rendered through
// html/template's contextual escaping; the package never produces template.HTML.
// Sentences come from the catalog (catalog/console.yaml).
package console
