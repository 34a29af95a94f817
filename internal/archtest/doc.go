// Package archtest keeps the package graph pointing down (deps_test.go): the web layer
// (handlers) is imported only by the wiring (internal/app) and the commands (cmd/...);
// the domain (bot, triage, knowledge, staff, catalog) and the use cases
// (internal/service/...) depend only on the domain and the error kinds (internal/errs),
// never on the web layer, the wiring or the adapters (livechat, media, the stores…).
package archtest
