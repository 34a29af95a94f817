package handlers_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

type openAPIOperation struct {
	Permission string            `json:"x-permission"`
	Security   *[]map[string]any `json:"security"`
	Responses  map[string]any    `json:"responses"`
	Summary    string            `json:"summary"`
}

// TestOpenAPICoversEveryRoute: the document is public, and describes exactly the routes
// registered under /api/v1, each with the permission the matrix test checks.
func TestOpenAPICoversEveryRoute(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	r := do(t, plain, s.URL(), request{Method: "GET", Path: "/api/v1/openapi.json"})
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("document: %d %v", r.Status, r.Header)
	}
	var doc struct {
		OpenAPI string                                 `json:"openapi"`
		Paths   map[string]map[string]openAPIOperation `json:"paths"`
		Comps   struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(r.Body, &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}

	param := regexp.MustCompile(`:([a-z_]+)`)
	perms := map[string]string{}
	for _, rc := range matrix {
		perms[rc.method+" "+rc.path] = string(rc.perm)
	}
	documented := map[string]bool{}
	for route := range apiRoutes(s.Echo) {
		method, path, _ := strings.Cut(route, " ")
		op, ok := doc.Paths[param.ReplaceAllString(path, "{$1}")][strings.ToLower(method)]
		if !ok {
			t.Errorf("%s is not documented", route)
			continue
		}
		documented[strings.ToLower(method)+" "+param.ReplaceAllString(path, "{$1}")] = true
		if op.Permission != perms[route] {
			t.Errorf("%s: documented permission %q, the matrix says %q", route, op.Permission, perms[route])
		}
		public := op.Security != nil && len(*op.Security) == 0
		if public != (perms[route] == "") {
			t.Errorf("%s: documented public=%v", route, public)
		}
		if !public && op.Responses["401"] == nil {
			t.Errorf("%s: 401 is not documented", route)
		}
		// 403 happens when a role lacks the permission, or a cookie request lacks the
		// CSRF token (unsafe methods).
		everyone := true
		for _, role := range staff.Roles() {
			everyone = everyone && role.Can(staff.Permission(perms[route]))
		}
		if !public && (!everyone || method != http.MethodGet) && op.Responses["403"] == nil {
			t.Errorf("%s: 403 is not documented", route)
		}
		if op.Summary == "" {
			t.Errorf("%s has no summary", route)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !documented[method+" "+path] {
				t.Errorf("%s %s is documented but not a route", method, path)
			}
		}
	}
	refs := regexp.MustCompile(`"#/components/schemas/([A-Za-z]+)"`).FindAllStringSubmatch(string(r.Body), -1)
	for _, m := range refs {
		if doc.Comps.Schemas[m[1]] == nil {
			t.Errorf("schema %s is referenced but not defined", m[1])
		}
	}
}
