// The staff console's web pages (console*.go, templates/, static/): server-rendered html/template pages
// under /console for agents and admins — the login, the ticket queue, one ticket with its
// live conversation, the dashboard, and for admins the accounts (/console/users) and the
// canned replies agents insert from the reply box (/console/canned) — with small scripts
// for progressive enhancement (SLA countdowns, the live transcript over server-sent
// events, and actions sent to the JSON API under /api/v1 with the session's CSRF token).
//
// The pages share the API's session: the login page posts to POST /api/v1/login, which
// sets the intake_session cookie, and every page resolves that cookie itself. Pages
// only read; every change goes through the API, so its permission checks, throttles
// and audit apply unchanged. The one page POST, logout, checks the CSRF token.
//
// The ticket page's tools (console_ticket_tools.go, static/ticket_tools.js) mark the staff
// replies WeChat did not take (未送达, with the reason and a 重试 button), show the
// customers' photos from /console/media/{id} (stored by internal/media; for staff who may
// read customers' details), and reassign tickets and book engineer visits through the API.
//
// Customer-supplied text (symptoms, names, transcripts) is only ever rendered through
// html/template's contextual escaping; the package never produces template.HTML. Its
// invisible characters (zero-width space, RTL override, soft hyphen, BOM…) show as
// markers such as ⟨U+202E⟩: the templates' visible function (console_visible.go), and
// static/common.js's intake.visible for the lines the scripts add. The JSON API keeps
// the text as typed.
// Sentences come from the catalog (catalog/console.yaml; the admin pages'
// catalog/console_admin.yaml; the ticket tools' catalog/console_ticket.yaml).

package handlers
