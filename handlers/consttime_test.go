package handlers_test

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// secretName matches what holds a signature or token a request presents or is checked
// against.
var secretName = regexp.MustCompile(`(?i)signature|csrf|secret|token`)

// Signatures and tokens are compared in constant time (crypto/subtle): the webhook's and
// the staff API's code has no == or != between such values (a comparison with "" or nil
// is fine).
func TestSecretsAreComparedInConstantTime(t *testing.T) {
	fset := gotoken.NewFileSet()
	for _, dir := range []string{".", "../internal/wxpush", "../staff"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				b, ok := n.(*ast.BinaryExpr)
				if !ok || (b.Op != gotoken.EQL && b.Op != gotoken.NEQ) || trivial(b.X) || trivial(b.Y) {
					return true
				}
				if secret(b.X) || secret(b.Y) {
					t.Errorf("%s: %s %s %s: compare with crypto/subtle", fset.Position(b.Pos()), expr(b.X), b.Op, expr(b.Y))
				}
				return true
			})
		}
	}
}

// trivial is a constant or nil: comparing with one leaks nothing worth timing.
func trivial(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "true" || e.Name == "false"
	case *ast.CallExpr:
		id, ok := e.Fun.(*ast.Ident)
		return ok && id.Name == "len"
	}
	return false
}

// secret reports whether e is, or is computed from, a value named like a signature or token.
func secret(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || secretName.MatchString(n.Name)
		case *ast.BasicLit:
			found = found || (n.Kind == gotoken.STRING && secretName.MatchString(n.Value))
		}
		return !found
	})
	return found
}

func expr(e ast.Expr) string {
	var b strings.Builder
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			b.WriteString(id.Name + ".")
		}
		return true
	})
	return strings.TrimSuffix(b.String(), ".")
}
