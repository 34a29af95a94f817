package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestShippedConfigLoads(t *testing.T) {
	c, err := Load("../../config.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Embedded() {
		t.Error("shipped config.yaml is not the embedded default")
	}
	if c.WeChat.TurnBudget != 4*time.Second || c.WeChat.Path != "/wechat" {
		t.Errorf("unexpected defaults: %+v", c.WeChat)
	}
	if c.Console.SecureCookies || c.Console.SessionTTL != 12*time.Hour {
		t.Errorf("unexpected console defaults: %+v", c.Console)
	}
	// The template's own fields, nothing in remark (WeChat stopped showing it in 2023), the
	// same in the file as when the file leaves it out.
	empty, err := Load("", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Notify.TemplateFields != empty.Notify.TemplateFields || strings.Contains(c.Notify.TemplateFields, "remark") {
		t.Errorf("template fields %q (file) and %q (default)", c.Notify.TemplateFields, empty.Notify.TemplateFields)
	}
}

func TestEnvironmentOverrides(t *testing.T) {
	aes := "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	c, err := Load("", env(map[string]string{
		"INTAKE_HTTP_ADDR":               "0.0.0.0:9000",
		"INTAKE_WECHAT_TOKEN":            "tok123",
		"INTAKE_WECHAT_AES_KEY":          aes,
		"INTAKE_WECHAT_APP_ID":           "wx1234567890abcdef",
		"INTAKE_WECHAT_APP_SECRET":       "s3cret",
		"INTAKE_WECHAT_API_BASE":         "http://127.0.0.1:9999",
		"INTAKE_MYSQL_DSN":               "u:p@tcp(127.0.0.1:3306)/intake",
		"INTAKE_REDIS_ADDR":              "127.0.0.1:6379,127.0.0.1:6380",
		"INTAKE_DATA_DIR":                "/var/lib/intake",
		"INTAKE_WECHAT_TURN_BUDGET":      "3s",
		"INTAKE_WECHAT_USE_STABLE_TOKEN": "true",
		"INTAKE_DEBUG_PPROF_ADDR":        "127.0.0.1:6060",
		"INTAKE_CONSOLE_SECURE_COOKIES":  "true",
		"INTAKE_CONSOLE_SESSION_TTL":     "8h",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Addr != "0.0.0.0:9000" || c.WeChat.Token != "tok123" || c.WeChat.AESKey != aes ||
		c.WeChat.AppID != "wx1234567890abcdef" || c.WeChat.AppSecret != "s3cret" ||
		c.WeChat.APIBase != "http://127.0.0.1:9999" || c.MySQL.DSN != "u:p@tcp(127.0.0.1:3306)/intake" ||
		c.DataDir != "/var/lib/intake" || c.WeChat.TurnBudget != 3*time.Second || !c.WeChat.UseStableToken ||
		c.Debug.PprofAddr != "127.0.0.1:6060" || !c.Console.SecureCookies || c.Console.SessionTTL != 8*time.Hour {
		t.Fatalf("overrides not applied: %+v", c)
	}
	if got := c.RedisAddrs(); len(got) != 2 || got[1] != "127.0.0.1:6380" {
		t.Fatalf("RedisAddrs = %v", got)
	}
	if c.Embedded() {
		t.Fatal("configured servers but still embedded")
	}
}

func TestBadConfigNamesTheField(t *testing.T) {
	cases := []struct {
		env   map[string]string
		yaml  string
		field string
	}{
		{env: map[string]string{"INTAKE_HTTP_ADDR": "nonsense"}, field: "http.addr"},
		{env: map[string]string{"INTAKE_WECHAT_AES_KEY": "short"}, field: "wechat.aes_key"},
		{env: map[string]string{"INTAKE_WECHAT_TOKEN": "with space"}, field: "wechat.token"},
		{env: map[string]string{"INTAKE_WECHAT_API_BASE": "ftp://x"}, field: "wechat.api_base"},
		{env: map[string]string{"INTAKE_WECHAT_TURN_BUDGET": "6s"}, field: "wechat.turn_budget"},
		{env: map[string]string{"INTAKE_WECHAT_TURN_BUDGET": "soon"}, field: "wechat.turn_budget"},
		{env: map[string]string{"INTAKE_REDIS_DB": "one"}, field: "redis.db"},
		{env: map[string]string{"INTAKE_MYSQL_DSN": "u:p@tcp(h:1)/d"}, field: "wechat.token"},
		{env: map[string]string{"INTAKE_MYSQL_DSN": "nodb", "INTAKE_WECHAT_TOKEN": "abc", "INTAKE_WECHAT_APP_ID": "wx1"}, field: "mysql.dsn"},
		{env: map[string]string{"INTAKE_LOG_LEVEL": "loud"}, field: "log.level"},
		{env: map[string]string{"INTAKE_NOTIFY_FOLLOWUP_AFTER": "24h"}, field: "notify.followup_after"},
		{env: map[string]string{"INTAKE_NOTIFY_TEMPLATE_FIELDS": "number"}, field: "notify.template_fields"},
		{env: map[string]string{"INTAKE_NOTIFY_TEMPLATE_FIELDS": "number=colour1"}, field: "notify.template_fields"},
		{env: map[string]string{"INTAKE_NOTIFY_PAGE_SECRET": "short"}, field: "notify.page_secret"},
		{env: map[string]string{"INTAKE_NOTIFY_PAGE_TTL": "1m"}, field: "notify.page_ttl"},
		{env: map[string]string{"INTAKE_NOTIFY_TEMPLATE_FIELDS": "weather=thing2"}, field: "notify.template_fields"},
		{env: map[string]string{"INTAKE_BUSINESS_TIME_ZONE": "Mars/Base"}, field: "business.time_zone"},
		{env: map[string]string{"INTAKE_DEBUG_PPROF_ADDR": "0.0.0.0:6060"}, field: "debug.pprof_addr"},
		{env: map[string]string{"INTAKE_DEBUG_PPROF_ADDR": "6060"}, field: "debug.pprof_addr"},
		{env: map[string]string{"INTAKE_CONSOLE_SESSION_TTL": "-1h"}, field: "console.session_ttl"},
		{env: map[string]string{"INTAKE_CONSOLE_SECURE_COOKIES": "yes please"}, field: "console.secure_cookies"},
		{env: map[string]string{"INTAKE_WECHAT_MODE": "aes"}, field: "wechat.mode"},
		{env: map[string]string{"INTAKE_HTTP_OPS_TOKEN": "short"}, field: "http.ops_token"},
		{env: map[string]string{"INTAKE_WECHAT_MODE": "safe", "INTAKE_MYSQL_DSN": "u:p@tcp(h:1)/d", "INTAKE_WECHAT_TOKEN": "abc", "INTAKE_WECHAT_APP_ID": "wx1"}, field: "wechat.mode"},
		{yaml: "wechat:\n  tokne: x\n", field: "tokne"},
	}
	for _, tc := range cases {
		path := ""
		if tc.yaml != "" {
			path = filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Load(path, env(tc.env))
		if err == nil || !strings.Contains(err.Error(), tc.field) {
			t.Errorf("%v %q: error %v does not name %s", tc.env, tc.yaml, err, tc.field)
		}
	}
}

// With an AES key the webhook refuses plaintext unless told otherwise; without one it can
// only be plain.
func TestWeChatModeDefaults(t *testing.T) {
	aes := "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ModePlain},
		{map[string]string{"INTAKE_WECHAT_AES_KEY": aes}, ModeSafe},
		{map[string]string{"INTAKE_WECHAT_AES_KEY": aes, "INTAKE_WECHAT_MODE": "compatible"}, ModeCompatible},
		{map[string]string{"INTAKE_WECHAT_AES_KEY": aes, "INTAKE_WECHAT_MODE": "plain"}, ModePlain},
		{map[string]string{"INTAKE_WECHAT_MODE": "safe"}, ModeSafe}, // embedded: a key is generated
	} {
		c, err := Load("", env(tc.env))
		if err != nil {
			t.Fatalf("%v: %v", tc.env, err)
		}
		if got := c.WeChatMode(); got != tc.want {
			t.Errorf("%v: mode %q, want %q", tc.env, got, tc.want)
		}
	}
	c, err := Load("../../config.yaml", env(map[string]string{"INTAKE_WECHAT_AES_KEY": aes, "INTAKE_HTTP_OPS_TOKEN": "s3cret-ops-token-1234"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.WeChatMode() != ModeSafe || c.HTTP.OpsToken != "s3cret-ops-token-1234" {
		t.Errorf("shipped config with an AES key: mode %q, ops token %q", c.WeChatMode(), c.HTTP.OpsToken)
	}
}
