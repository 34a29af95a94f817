package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// kbRule is a new laptop rule whose samples rank it first, as a list item of a rules file.
const kbRule = `
  - id: laptop-keyboard-light
    title: 笔记本键盘背光不亮
    categories: [laptop]
    triggers:
      keywords: [键盘背光不亮, 键盘灯不亮]
    unresolved:
      fault_class: hardware
      priority: routine
      onsite: false
      price: {parts: [0, 400], labour: [0, 100]}
    samples:
      - 笔记本键盘背光不亮了
      - 键盘灯不亮怎么办
      - 电脑键盘背光不亮
`

// shippedDir copies the shipped knowledge into a temporary directory.
func shippedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(knowledge.ShippedFS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(knowledge.ShippedFS(), name)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			return err
		}
		return os.WriteFile(p, b, 0o640)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func runKBCommand(args ...string) (string, error) {
	var out bytes.Buffer
	err := run(context.Background(), append([]string{"kb"}, args...), &out, &out)
	return out.String(), err
}

func TestKBTest(t *testing.T) {
	out, err := runKBCommand("test")
	if err != nil || !strings.Contains(out, "首位命中") || !strings.Contains(out, "自测通过") {
		t.Fatalf("kb test on the shipped knowledge: %v\n%s", err, out)
	}
	if !strings.Contains(out, "留出测试（5 折") || !strings.Contains(out, "空调（air_conditioner）") {
		t.Errorf("kb test prints no held-out accuracy per category:\n%s", out)
	}

	good := shippedDir(t)
	appendFile(t, filepath.Join(good, "rules", "laptop.yaml"), kbRule)
	if out, err := runKBCommand("test", "--file", good); err != nil {
		t.Fatalf("kb test --file with a good new rule: %v\n%s", err, out)
	}

	for _, tc := range []struct {
		name, edit string
		want       []string
	}{
		{"a sample ranks another rule first", strings.NewReplacer("键盘灯不亮怎么办", "冰箱不制冷了").Replace(kbRule),
			[]string{"✗ 规则 laptop-keyboard-light", "冰箱不制冷了", "fridge-not-cold"}},
		{"an invalid rule", strings.Replace(kbRule, "priority: routine", "priority: soon", 1),
			[]string{"rules/laptop.yaml:", "rules[12].unresolved.priority", `"soon" is not one of urgent, normal, routine`}},
		{"a syntax error", kbRule + "  - id: [\n", []string{"rules/laptop.yaml:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := shippedDir(t)
			appendFile(t, filepath.Join(dir, "rules", "laptop.yaml"), tc.edit)
			out, err := runKBCommand("test", "--file", dir)
			if err == nil {
				t.Fatalf("kb test passed:\n%s", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestKBExportImportPublish moves the knowledge through the configured database: export
// the current revision, edit it, import it as the draft and publish it, on both databases.
// With Redis configured, running instances hear of the publish.
func TestKBExportImportPublish(t *testing.T) {
	for _, backend := range []string{"mariadb+redis", "sqlite"} {
		t.Run(backend, func(t *testing.T) {
			t.Setenv("INTAKE_DATA_DIR", t.TempDir())
			var announced <-chan *redis.Message
			if backend == "mariadb+redis" {
				t.Setenv("INTAKE_MYSQL_DSN", testenv.MySQLDSN(t))
				rdb, prefix := testenv.Redis(t)
				t.Setenv("INTAKE_REDIS_ADDR", testenv.RequireService(t, testenv.EnvRedisAddr))
				t.Setenv("INTAKE_REDIS_KEY_PREFIX", prefix)
				t.Setenv("INTAKE_WECHAT_TOKEN", "testtoken")
				t.Setenv("INTAKE_WECHAT_APP_ID", "wx0000000000000000")
				ps := rdb.Subscribe(context.Background(), prefix+"kb:published")
				defer ps.Close()
				if _, err := ps.Receive(context.Background()); err != nil {
					t.Fatal(err)
				}
				announced = ps.Channel()
			}

			dir := t.TempDir()
			if out, err := runKBCommand("export", dir, "--config", ""); err != nil || !strings.Contains(out, "version 1") {
				t.Fatalf("export: %v\n%s", err, out)
			}
			appendFile(t, filepath.Join(dir, "rules", "laptop.yaml"), kbRule)
			if out, err := runKBCommand("import", dir, "--config", "", "--author", "bob"); err != nil {
				t.Fatalf("import: %v\n%s", err, out)
			}
			if out, err := runKBCommand("publish", "--config", "", "-m", "键盘背光", "--author", "bob"); err != nil ||
				!strings.Contains(out, "published version 2") {
				t.Fatalf("publish: %v\n%s", err, out)
			}
			if announced != nil {
				select {
				case m := <-announced:
					if m.Payload != "2" {
						t.Fatalf("announced %q, want 2", m.Payload)
					}
				case <-time.After(2 * time.Second):
					t.Fatal("the publish was not announced")
				}
			}
			if out, err := runKBCommand("publish", "--config", "", "-m", "again"); err == nil {
				t.Fatalf("publishing an unchanged draft succeeded:\n%s", out)
			}

			again := t.TempDir()
			if out, err := runKBCommand("export", again, "--config", "", "--version", "2"); err != nil {
				t.Fatalf("export v2: %v\n%s", err, out)
			}
			b, err := os.ReadFile(filepath.Join(again, "rules", "laptop.yaml"))
			if err != nil || !strings.Contains(string(b), "laptop-keyboard-light") {
				t.Fatalf("version 2 lacks the imported rule: %v", err)
			}

			// A broken directory is refused with its problems.
			appendFile(t, filepath.Join(dir, "rules", "laptop.yaml"), "  - id: Bad Id\n")
			if out, err := runKBCommand("import", dir, "--config", ""); err == nil || !strings.Contains(out, "rules/laptop.yaml:") {
				t.Fatalf("import of a broken directory: %v\n%s", err, out)
			}
		})
	}
}

// TestKBProposal: a database seeded by this release has nothing to propose.
func TestKBProposal(t *testing.T) {
	t.Setenv("INTAKE_DATA_DIR", t.TempDir())
	out, err := runKBCommand("proposal", "--config", "")
	if err != nil || !strings.Contains(out, "no proposal") {
		t.Fatalf("kb proposal: %v\n%s", err, out)
	}
}
