// Package config loads the service's configuration: config.yaml for defaults, then
// environment variables named INTAKE_ + the YAML path in upper case (wechat.aes_key →
// INTAKE_WECHAT_AES_KEY) for secrets and addresses. Validate reports the first bad field
// by its YAML path so a bad deployment fails at start with a message an operator can act on.
package config

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/internal/wxtemplate"
)

// Config is the whole configuration of one service instance.
type Config struct {
	HTTP     HTTP     `yaml:"http"`
	WeChat   WeChat   `yaml:"wechat"`
	MySQL    MySQL    `yaml:"mysql"`
	Redis    Redis    `yaml:"redis"`
	Session  Session  `yaml:"session"`
	Log      Log      `yaml:"log"`
	DataDir  string   `yaml:"data_dir"`
	Business Business `yaml:"business"`
	Debug    Debug    `yaml:"debug"`
	Console  Console  `yaml:"console"`
	Notify   Notify   `yaml:"notify"`
	Routing  Routing  `yaml:"routing"`
	Alerts   Alerts   `yaml:"alerts"`
}

// Alerts tell staff about tickets that need someone now (a customer waiting for a person,
// an urgent ticket) in a 企业微信 group, through its group robot's webhook.
type Alerts struct {
	// WeComURL is the group robot's webhook without its key.
	WeComURL string `yaml:"wecom_url"`
	// WeComKey is the robot's key (the webhook's key parameter). It is a secret: set it in
	// the environment, INTAKE_ALERTS_WECOM_KEY. Empty sends no alerts.
	WeComKey string `yaml:"wecom_key"`
}

// Routing assigns tickets to staff groups by skill and region.
type Routing struct {
	Groups []Group `yaml:"groups"`
	// ComplaintGroup takes every complaint risk (the customer named 12315, 消协 or the
	// media, asked to return the product, or the fault is back after a repair), whatever
	// its skill and region; empty routes complaints like any other ticket.
	ComplaintGroup string `yaml:"complaint_group"`
	// ComplaintWithin is the response target of a complaint, in clock time.
	ComplaintWithin time.Duration `yaml:"complaint_within"`
}

// Group is a staff group as config.yaml names it; the service routes with it as a
// triage.Group (the same fields: convert with triage.Group(g)).
type Group struct {
	Name    string   `yaml:"name"`
	Skills  []string `yaml:"skills"`  // e.g. refrigeration, mobile
	Regions []string `yaml:"regions"` // province-level names, e.g. 北京, 广东
}

// StaffGroups are the groups a ticket can be moved to: the routing groups and, when it is
// not one of them, the complaint group.
func (r Routing) StaffGroups() []Group {
	groups := slices.Clone(r.Groups)
	if r.ComplaintGroup != "" && !slices.ContainsFunc(groups, func(g Group) bool { return g.Name == r.ComplaintGroup }) {
		groups = append(groups, Group{Name: r.ComplaintGroup})
	}
	return groups
}

// Notify is how customers hear about their tickets.
type Notify struct {
	// TemplateID is the WeChat template message used outside the 48-hour customer-service
	// window (or when its quota is used up); empty means such notifications wait and retry.
	TemplateID string `yaml:"template_id"`
	// TemplateFields maps our values (number, status, text, time, product, visit) to the
	// template's own fields, as "number=character_string1,text=thing2,status=phrase3,time=time4";
	// each value is fitted to its field's kind (package wxtemplate). first and remark are
	// never filled: WeChat stopped showing them in May 2023.
	TemplateFields string `yaml:"template_fields"`
	// FollowUpAfter is how long after completion the satisfaction survey is sent (3–7 days).
	FollowUpAfter time.Duration `yaml:"followup_after"`
	// PageSecret signs the links to the customer's ticket page (32+ characters, the same
	// on every instance); empty derives one from wechat.app_secret.
	PageSecret string `yaml:"page_secret"`
	// PageTTL is how long such a link works.
	PageTTL time.Duration `yaml:"page_ttl"`
}

// HTTP is the listener.
type HTTP struct {
	Addr            string        `yaml:"addr"`
	PublicURL       string        `yaml:"public_url"`
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	// TrustedProxies are the networks (CIDRs, or single addresses) of the reverse proxies
	// in front of the service. A request from one of them is from the client its
	// X-Forwarded-For names; empty trusts nobody: the socket address is the client and
	// X-Forwarded-For is ignored. In the environment, comma-separated.
	TrustedProxies []string `yaml:"trusted_proxies"`
	// OpsToken, when set, is the bearer token /metrics and /readyz require
	// ("Authorization: Bearer TOKEN"); empty leaves them open, as /healthz always is.
	OpsToken string `yaml:"ops_token"`
}

// WeChat holds the Official Account's credentials and the webhook's behaviour.
type WeChat struct {
	// Mode is the message encryption mode the Official Account is set to (see Modes);
	// empty means safe when an AES key is configured, plain without one (WeChatMode).
	Mode           string        `yaml:"mode"`
	Path           string        `yaml:"path"`
	Token          string        `yaml:"token"`
	AESKey         string        `yaml:"aes_key"`
	AppID          string        `yaml:"app_id"`
	AppSecret      string        `yaml:"app_secret"`
	APIBase        string        `yaml:"api_base"`
	APITimeout     time.Duration `yaml:"api_timeout"`
	TurnBudget     time.Duration `yaml:"turn_budget"`
	MaxClockSkew   time.Duration `yaml:"max_clock_skew"`
	MaxBodyBytes   int64         `yaml:"max_body_bytes"`
	UseStableToken bool          `yaml:"use_stable_token"`
}

// MySQL selects the ticket database. An empty DSN means the embedded SQLite file.
type MySQL struct {
	DSN          string `yaml:"dsn"`
	MaxOpenConns int    `yaml:"max_open_conns"`
	MaxIdleConns int    `yaml:"max_idle_conns"`
}

// Redis selects the session store. An empty Addr means an in-process Redis on loopback.
// Several comma-separated addresses select a Cluster, or with MasterName a Sentinel set.
type Redis struct {
	Addr       string `yaml:"addr"`
	Password   string `yaml:"password"`
	DB         int    `yaml:"db"`
	MasterName string `yaml:"master_name"`
	KeyPrefix  string `yaml:"key_prefix"`
	// SnapshotInterval is how often, in embedded mode, the in-process Redis is saved to
	// data_dir/redis-snapshot.json (it is also saved at shutdown and restored at start).
	SnapshotInterval time.Duration `yaml:"snapshot_interval"`
}

// Session is the conversation state kept per customer.
type Session struct {
	IdleTTL time.Duration `yaml:"idle_ttl"`
	LockTTL time.Duration `yaml:"lock_ttl"`
}

// Log selects the log level.
type Log struct {
	Level string `yaml:"level"`
}

// Business is the service calendar used for response commitments.
type Business struct {
	TimeZone string `yaml:"time_zone"`
	// AdjustmentsFile is a YAML file of the State Council's yearly adjustments (调休: extra
	// days off joined to holidays, make-up workdays) by year, added to the built-in ones
	// (2026); a year in the file replaces the built-in year. Empty: the built-in ones only.
	// The statutory holidays are computed for every year regardless.
	AdjustmentsFile string `yaml:"adjustments_file"`
	// VisitWeekend offers engineer visits on weekend days too, in the working-day slots
	// (never on holidays). Off: visits on working days only.
	VisitWeekend bool `yaml:"visit_weekend"`
	// VisitEvening is an evening visit window on working days, "18:00-20:00"; empty: none.
	VisitEvening string `yaml:"visit_evening"`
}

// Debug holds diagnostics that are off unless asked for.
type Debug struct {
	// PprofAddr is a loopback host:port serving net/http/pprof on its own listener, for
	// profiling under load; empty (the default) serves nothing.
	PprofAddr string `yaml:"pprof_addr"`
}

// Console is the staff console and its JSON API.
type Console struct {
	// SecureCookies marks the session cookie Secure: set it when the console is served
	// over HTTPS (directly or behind a TLS-terminating proxy).
	SecureCookies bool `yaml:"secure_cookies"`
	// SessionTTL is how long a login lasts.
	SessionTTL time.Duration `yaml:"session_ttl"`
	// TakeoverIdle is how long a taken-over chat may go without a staff reply before it
	// returns to the queue and the customer is told what happens next.
	TakeoverIdle time.Duration `yaml:"takeover_idle"`
	// HandoffWait is how long a customer who asked for a person before reporting anything
	// waits in the queue (no ticket) before the bot takes the intake back and files the
	// ticket; customers are told it as the expected wait.
	HandoffWait time.Duration `yaml:"handoff_wait"`
	// BootstrapAdmin lets a service on MySQL create the first admin account, with a
	// generated password shown once in the start banner, when there is no staff account
	// at all. The embedded mode (no mysql.dsn) always does.
	BootstrapAdmin bool `yaml:"bootstrap_admin"`
}

// The webhook's message encryption modes, as set in the Official Account (开发 → 基本配置 →
// 消息加解密方式).
const (
	// ModeSafe accepts only encrypted messages (安全模式): every message's body is covered
	// by msg_signature, so a plaintext request, which the URL signature alone does not bind
	// to its body, is refused.
	ModeSafe = "safe"
	// ModeCompatible accepts encrypted and plaintext messages (兼容模式, while switching).
	ModeCompatible = "compatible"
	// ModePlain is for accounts without an AES key (明文模式).
	ModePlain = "plain"
)

// WeChatMode returns the webhook's mode: wechat.mode, or when it is empty safe with an AES
// key and plain without one. Call it after development credentials were filled in.
func (c *Config) WeChatMode() string {
	switch {
	case c.WeChat.Mode != "":
		return c.WeChat.Mode
	case c.WeChat.AESKey != "":
		return ModeSafe
	}
	return ModePlain
}

// Embedded reports whether the service runs without external servers.
func (c *Config) Embedded() bool { return c.MySQL.DSN == "" && c.Redis.Addr == "" }

// TrustedProxyNets returns HTTP.TrustedProxies as networks, a single address as a /32 or
// /128. Validate has checked them; one that does not parse is left out.
func (c *Config) TrustedProxyNets() []*net.IPNet {
	var out []*net.IPNet
	for _, s := range c.HTTP.TrustedProxies {
		if n, err := parseNet(s); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// parseNet reads a CIDR, or a single IP address as the network of that one host.
func parseNet(s string) (*net.IPNet, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "/") {
		ip := net.ParseIP(s)
		if ip == nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR", s)
		}
		bits := 128
		if ip4 := ip.To4(); ip4 != nil {
			ip, bits = ip4, 32
		}
		return &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)}, nil
	}
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not an IP address or CIDR", s)
	}
	return n, nil
}

// RedisAddrs splits Redis.Addr into its addresses.
func (c *Config) RedisAddrs() []string {
	var out []string
	for _, a := range strings.Split(c.Redis.Addr, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// Load reads the YAML file at path (none when path is empty), applies the environment
// overrides from getenv, and validates the result.
func Load(path string, getenv func(string) string) (*Config, error) {
	var c Config
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if err := applyEnv(reflect.ValueOf(&c).Elem(), "INTAKE", "", getenv); err != nil {
		return nil, err
	}
	c.fillDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// fillDefaults sets what an empty file would leave unusable.
func (c *Config) fillDefaults() {
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	defDur := func(p *time.Duration, v time.Duration) {
		if *p == 0 {
			*p = v
		}
	}
	def(&c.HTTP.Addr, "127.0.0.1:8080")
	defDur(&c.HTTP.ShutdownTimeout, 15*time.Second)
	def(&c.WeChat.Path, "/wechat")
	def(&c.WeChat.APIBase, "https://api.weixin.qq.com")
	defDur(&c.WeChat.APITimeout, 5*time.Second)
	defDur(&c.WeChat.TurnBudget, 4*time.Second)
	defDur(&c.WeChat.MaxClockSkew, 5*time.Minute)
	if c.WeChat.MaxBodyBytes == 0 {
		c.WeChat.MaxBodyBytes = 64 << 10
	}
	def(&c.Redis.KeyPrefix, "intake:")
	defDur(&c.Redis.SnapshotInterval, 30*time.Second)
	defDur(&c.Session.IdleTTL, 72*time.Hour)
	defDur(&c.Session.LockTTL, 6*time.Second)
	def(&c.Log.Level, "info")
	def(&c.DataDir, "data")
	def(&c.Business.TimeZone, "Asia/Shanghai")
	defDur(&c.Console.SessionTTL, 12*time.Hour)
	defDur(&c.Console.TakeoverIdle, 30*time.Minute)
	defDur(&c.Console.HandoffWait, 10*time.Minute)
	defDur(&c.Notify.FollowUpAfter, 72*time.Hour)
	def(&c.Notify.TemplateFields, wxtemplate.DefaultFields)
	defDur(&c.Notify.PageTTL, 30*24*time.Hour)
	defDur(&c.Routing.ComplaintWithin, 2*time.Hour)
	def(&c.Alerts.WeComURL, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send")
}

// FieldError names the configuration field that is wrong.
type FieldError struct {
	Field string // YAML path, e.g. "wechat.aes_key"
	Env   string // the environment variable that overrides it
	Msg   string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("config: %s (%s): %s", e.Field, e.Env, e.Msg)
}

func bad(field, format string, args ...any) error {
	return &FieldError{Field: field, Env: EnvName(field), Msg: fmt.Sprintf(format, args...)}
}

// EnvName returns the environment variable that overrides a YAML path.
func EnvName(path string) string {
	return "INTAKE_" + strings.ToUpper(strings.ReplaceAll(path, ".", "_"))
}

// Validate checks every field a running service depends on. WeChat credentials may be
// empty only in embedded mode, where the caller generates development ones.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		return bad("http.addr", "%q is not host:port", c.HTTP.Addr)
	}
	for _, p := range c.HTTP.TrustedProxies {
		if _, err := parseNet(p); err != nil {
			return bad("http.trusted_proxies", "%v (list CIDRs like 10.0.0.0/8, or addresses)", err)
		}
	}
	if t := c.HTTP.OpsToken; t != "" && (len(t) < 16 || strings.ContainsAny(t, " \t\r\n")) {
		return bad("http.ops_token", "must be at least 16 characters without spaces")
	}
	if !strings.HasPrefix(c.WeChat.Path, "/") {
		return bad("wechat.path", "%q must start with /", c.WeChat.Path)
	}
	if c.WeChat.Token != "" && !validToken(c.WeChat.Token) {
		return bad("wechat.token", "must be 3–32 letters or digits")
	}
	if c.WeChat.AESKey != "" {
		if err := CheckAESKey(c.WeChat.AESKey); err != nil {
			return bad("wechat.aes_key", "%v", err)
		}
	}
	switch c.WeChat.Mode {
	case "", ModePlain:
	case ModeSafe, ModeCompatible:
		// Embedded mode generates a development key after loading.
		if c.WeChat.AESKey == "" && !c.Embedded() {
			return bad("wechat.mode", "%s needs wechat.aes_key", c.WeChat.Mode)
		}
	default:
		return bad("wechat.mode", "%q is not one of safe, compatible, plain", c.WeChat.Mode)
	}
	if !c.Embedded() {
		switch {
		case c.WeChat.Token == "":
			return bad("wechat.token", "is required when mysql.dsn or redis.addr is set")
		case c.WeChat.AppID == "":
			return bad("wechat.app_id", "is required when mysql.dsn or redis.addr is set")
		}
	}
	u, err := url.Parse(c.WeChat.APIBase)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("wechat.api_base", "%q is not an http(s) URL", c.WeChat.APIBase)
	}
	for field, d := range map[string]time.Duration{
		"wechat.api_timeout": c.WeChat.APITimeout, "wechat.turn_budget": c.WeChat.TurnBudget,
		"wechat.max_clock_skew": c.WeChat.MaxClockSkew, "session.idle_ttl": c.Session.IdleTTL,
		"session.lock_ttl": c.Session.LockTTL, "http.shutdown_timeout": c.HTTP.ShutdownTimeout,
		"console.session_ttl": c.Console.SessionTTL, "redis.snapshot_interval": c.Redis.SnapshotInterval,
	} {
		if d < 0 {
			return bad(field, "must be positive")
		}
	}
	if c.WeChat.TurnBudget >= 5*time.Second {
		return bad("wechat.turn_budget", "%v leaves no time before WeChat's 5 s deadline", c.WeChat.TurnBudget)
	}
	if c.Session.LockTTL <= c.WeChat.TurnBudget {
		return bad("session.lock_ttl", "must be longer than wechat.turn_budget")
	}
	if c.WeChat.MaxBodyBytes < 1024 {
		return bad("wechat.max_body_bytes", "must be at least 1024")
	}
	if c.MySQL.DSN != "" && !strings.Contains(c.MySQL.DSN, "/") {
		return bad("mysql.dsn", "is not a MySQL DSN (user:pass@tcp(host:port)/db)")
	}
	for _, a := range c.RedisAddrs() {
		if _, _, err := net.SplitHostPort(a); err != nil {
			return bad("redis.addr", "%q is not host:port", a)
		}
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		return bad("log.level", "%q is not one of debug, info, warn, error", c.Log.Level)
	}
	if _, err := time.LoadLocation(c.Business.TimeZone); err != nil {
		return bad("business.time_zone", "%q is not a time zone", c.Business.TimeZone)
	}
	if _, _, err := c.Business.EveningHours(); err != nil {
		return bad("business.visit_evening", "%q is not like 18:00-20:00", c.Business.VisitEvening)
	}
	if c.Notify.FollowUpAfter < 72*time.Hour || c.Notify.FollowUpAfter > 7*24*time.Hour {
		return bad("notify.followup_after", "%v is not between 3 and 7 days (72h–168h)", c.Notify.FollowUpAfter)
	}
	for _, pair := range strings.Split(c.Notify.TemplateFields, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(pair), "="); !ok || k == "" || v == "" {
			return bad("notify.template_fields", "%q is not name=field", pair)
		}
	}
	if s := c.Notify.PageSecret; s != "" && len(s) < 32 {
		return bad("notify.page_secret", "must be at least 32 characters")
	}
	if c.Notify.PageTTL < time.Hour {
		return bad("notify.page_ttl", "%v is shorter than an hour", c.Notify.PageTTL)
	}
	if err := wxtemplate.CheckFields(wxtemplate.ParseFields(c.Notify.TemplateFields)); err != nil {
		return bad("notify.template_fields", "%v", err)
	}
	for i, g := range c.Routing.Groups {
		if strings.TrimSpace(g.Name) == "" {
			return bad(fmt.Sprintf("routing.groups[%d].name", i), "is empty")
		}
	}
	if u, err := url.Parse(c.Alerts.WeComURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("alerts.wecom_url", "%q is not an http(s) URL", c.Alerts.WeComURL)
	}
	if strings.ContainsAny(c.Alerts.WeComKey, " \t\r\n&?#/") {
		return bad("alerts.wecom_key", "is not a robot key (copy the key= value of the robot's webhook address)")
	}
	if c.Console.HandoffWait < time.Minute || c.Console.HandoffWait > 24*time.Hour {
		return bad("console.handoff_wait", "%v is not between 1m and 24h", c.Console.HandoffWait)
	}
	if c.Routing.ComplaintWithin < 0 {
		return bad("routing.complaint_within", "must be positive")
	}
	if c.Debug.PprofAddr != "" && !loopback(c.Debug.PprofAddr) {
		return bad("debug.pprof_addr", "%q is not a loopback host:port (profiles must not be reachable from outside)", c.Debug.PprofAddr)
	}
	return nil
}

// loopback reports whether addr is host:port with a loopback host.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func validToken(s string) bool {
	if len(s) < 3 || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// CheckAESKey reports whether key is a WeChat EncodingAESKey: 43 base64 characters that
// decode, with "=" appended, to 32 bytes.
func CheckAESKey(key string) error {
	if len(key) != 43 {
		return fmt.Errorf("must be 43 characters, got %d", len(key))
	}
	b, err := base64.StdEncoding.DecodeString(key + "=")
	if err != nil || len(b) != 32 {
		return fmt.Errorf("is not base64 for 32 bytes")
	}
	return nil
}

// applyEnv walks v's fields by their yaml tags and sets each one whose variable is set.
func applyEnv(v reflect.Value, envPrefix, path string, getenv func(string) string) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		p := tag
		if path != "" {
			p = path + "." + tag
		}
		fv := v.Field(i)
		if f.Type.Kind() == reflect.Struct {
			if err := applyEnv(fv, envPrefix, p, getenv); err != nil {
				return err
			}
			continue
		}
		name := EnvName(p)
		raw := getenv(name)
		if raw == "" {
			continue
		}
		if err := setValue(fv, raw); err != nil {
			return &FieldError{Field: p, Env: name, Msg: err.Error()}
		}
	}
	return nil
}

func setValue(v reflect.Value, raw string) error {
	switch v.Interface().(type) {
	case time.Duration:
		d, err := time.ParseDuration(raw)
		if err != nil {
			return fmt.Errorf("%q is not a duration like 4s or 30m", raw)
		}
		v.SetInt(int64(d))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(raw)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not an integer", raw)
		}
		v.SetInt(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return fmt.Errorf("%q is not true or false", raw)
		}
		v.SetBool(b)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			return fmt.Errorf("cannot be set from the environment")
		}
		var items []string
		for _, s := range strings.Split(raw, ",") {
			if s = strings.TrimSpace(s); s != "" {
				items = append(items, s)
			}
		}
		v.Set(reflect.ValueOf(items).Convert(v.Type()))
	default:
		return fmt.Errorf("cannot be set from the environment")
	}
	return nil
}

// EveningHours are the start and end of the evening visit window of VisitEvening
// ("18:00-20:00", an en dash allowed) as HH:MM, both "" when there is none; an error
// unless both are clock times with the end after the start.
func (b Business) EveningHours() (start, end string, err error) {
	v := strings.TrimSpace(b.VisitEvening)
	if v == "" {
		return "", "", nil
	}
	start, end, _ = strings.Cut(strings.ReplaceAll(v, "–", "-"), "-")
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	from, err1 := time.Parse("15:04", start)
	to, err2 := time.Parse("15:04", end)
	if err1 != nil || err2 != nil || !from.Before(to) {
		return "", "", fmt.Errorf("config: evening visit window %q: want HH:MM-HH:MM with the end after the start", v)
	}
	return start, end, nil
}
