package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

// withStdin runs fn with os.Stdin reading input, as `printf … | intake user add` does.
func withStdin(t *testing.T, input string, fn func()) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(input); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old; f.Close() }()
	fn()
}

// userConfigs writes a configuration file for each database: embedded SQLite and MariaDB.
func userConfigs(t *testing.T) map[string]string {
	dir := t.TempDir()
	out := map[string]string{}
	sqlite := filepath.Join(dir, "sqlite.yaml")
	if err := os.WriteFile(sqlite, []byte("data_dir: "+filepath.Join(dir, "data")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out["sqlite"] = sqlite
	if os.Getenv(testenv.EnvMySQLDSN) != "" || os.Getenv("CI") == "true" {
		mysql := filepath.Join(dir, "mysql.yaml")
		yaml := "data_dir: " + filepath.Join(dir, "mdata") + "\nmysql:\n  dsn: '" + testenv.MySQLDSN(t) + "'\n" +
			"wechat:\n  token: testtoken\n  app_id: wx0000000000000000\n"
		if err := os.WriteFile(mysql, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		out["mariadb"] = mysql
	}
	return out
}

func TestUserCommand(t *testing.T) {
	for backend, cfg := range userConfigs(t) {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			var out, errOut bytes.Buffer
			withStdin(t, "一个足够长的员工密码句子\n", func() {
				err := run(ctx, []string{"user", "add", "Wang.Fang", "--role", "admin", "--display", "王芳", "--config", cfg}, &out, &errOut)
				if err != nil {
					t.Fatalf("user add: %v\n%s", err, errOut.String())
				}
			})
			if out.String() != "created wang.fang (admin, 王芳)\n" {
				t.Fatalf("user add printed %q", out.String())
			}

			refused := []struct {
				args  []string
				stdin string
				want  string
			}{
				{[]string{"add", "wang.fang", "--role", "agent"}, "another password\n", "taken"},
				{[]string{"add", "li", "--role", "agent"}, "short\n", "密码至少需要 12 个字符"},
				{[]string{"add", "li", "--role", "agent"}, "", "密码至少需要 12 个字符"},
				{[]string{"add", "li", "--role", "root"}, "long enough too\n", "role"},
				{[]string{"add", "--role", "agent"}, "long enough too\n", "username is missing"},
				{[]string{"add", "L I", "--role", "agent"}, "long enough too\n", "用户名"},
				{[]string{"passwd", "ghost"}, "long enough too\n", "not found"},
				{[]string{"add", "li", "--role", "agent"}, "WoAiNi1314520\n", "密码太常见"},
				{[]string{"passwd", "wang.fang"}, "1qaz2wsx3edc\n", "密码太常见"},
				{[]string{"remove", "li"}, "", "unknown subcommand"},
			}
			for _, tc := range refused {
				err := userCommand(ctx, append(tc.args, "--config", cfg), strings.NewReader(tc.stdin), &out, &errOut)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("user %v: %v, want %q", tc.args, err, tc.want)
				}
			}

			out.Reset()
			if err := userCommand(ctx, []string{"add", "li", "--role", "agent", "--config", cfg}, strings.NewReader("long enough too\r\n"), &out, &errOut); err != nil {
				t.Fatal(err)
			}
			if err := userCommand(ctx, []string{"passwd", "li", "--config", cfg}, strings.NewReader("a new password\n"), &out, &errOut); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			if err := run(ctx, []string{"user", "list", "--config", cfg}, &out, &errOut); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) != 3 || !strings.HasPrefix(lines[0], "USERNAME") ||
				!strings.Contains(lines[1], "li ") || !strings.Contains(lines[1], "agent") ||
				!strings.Contains(lines[2], "wang.fang") || !strings.Contains(lines[2], "王芳") || !strings.Contains(lines[2], "active") {
				t.Fatalf("user list:\n%s", out.String())
			}

			loaded, err := loadConfig(cfg)
			if err != nil {
				t.Fatal(err)
			}
			store, closeDB, err := openStaffStore(ctx, loaded, &errOut)
			if err != nil {
				t.Fatal(err)
			}
			defer closeDB()
			_, hash, err := store.PasswordHash(ctx, "wang.fang")
			if err != nil || !staff.ComparePassword(hash, "一个足够长的员工密码句子") {
				t.Fatalf("the stored password does not match: %v", err)
			}
			if _, hash, _ := store.PasswordHash(ctx, "li"); !staff.ComparePassword(hash, "a new password") {
				t.Fatal("passwd did not change the password")
			}
			entries, _, err := store.Audit(ctx, staff.AuditFilter{Actor: "cli"}, staff.Page{})
			if err != nil || len(entries) != 3 {
				t.Fatalf("audit by cli: %d entries, %v; want 2 creations and a reset", len(entries), err)
			}
		})
	}
}

// TestUserHelpTouchesNothing: --help and a wrong subcommand do not open (and so create) a
// database.
func TestUserHelpTouchesNothing(t *testing.T) {
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	for _, args := range [][]string{{"user", "--help"}, {"user", "help"}, {"user", "add", "--help"}} {
		if err := run(context.Background(), args, &out, &out); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%v: %v", args, err)
		}
	}
	if err := run(context.Background(), []string{"user", "frob"}, &out, &out); err == nil {
		t.Error("an unknown subcommand was accepted")
	}
	if _, err := os.Stat("data"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a data directory appeared: %v", err)
	}
}
