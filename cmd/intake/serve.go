package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/config"
)

// serveGCPercent is the garbage collector's target for the service unless GOGC says
// otherwise: the heap may grow to five times what is live (the knowledge, the models and
// the turns in flight: about 110 MB with the shipped knowledge, so about 550 MB at the peak,
// measured under load) before a collection, a quarter of the collections of Go's default. Under load the collector took 7–8 % of the
// service's CPU at 100 (BENCHMARKS.md, "CPU per turn"). GOMEMLIMIT, when set, still bounds
// the heap.
const serveGCPercent = 400

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "Run the service: the WeChat webhook, the operations endpoints and the console.\n"+
		"With no mysql.dsn and no redis.addr it runs embedded (SQLite + in-process Redis).", stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file (environment INTAKE_* overrides it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	if err := devCredentials(cfg); err != nil {
		return err
	}
	log := newLogger(stderr, cfg.Log.Level)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	a, err := app.New(ctx, cfg, log)
	if err != nil {
		return err
	}
	first, err := a.EnsureFirstAdmin(ctx)
	if err != nil {
		_ = a.Shutdown(context.Background())
		return err
	}
	if err := a.Start(); err != nil {
		_ = a.Shutdown(context.Background())
		return err
	}
	banner(stdout, cfg, a, first)
	log.Info("service started", "addr", a.Addr(), "embedded", cfg.Embedded(), "version", versionString())

	select {
	case <-ctx.Done():
	case err := <-a.Done():
		log.Error("http server stopped", "err", err)
	}
	log.Info("shutting down: finishing in-flight turns", "timeout", cfg.HTTP.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
	defer cancel()
	if err := a.Shutdown(sctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", "Apply the database migrations not yet applied, then exit.", stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	if err := devCredentials(cfg); err != nil {
		return err
	}
	a, err := app.New(ctx, cfg, newLogger(stderr, cfg.Log.Level))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "migrations applied")
	return a.Shutdown(ctx)
}

// devCredentials gives an embedded service WeChat credentials when none are configured:
// generated once, kept in data_dir/dev-credentials.yaml (mode 0600), and shown in the
// banner so `intake chat` and wxsim can talk to it. A configured value always wins.
func devCredentials(cfg *config.Config) error {
	if !cfg.Embedded() {
		return nil
	}
	path := filepath.Join(cfg.DataDir, "dev-credentials.yaml")
	var dev struct {
		Token     string `yaml:"token"`
		AESKey    string `yaml:"aes_key"`
		AppID     string `yaml:"app_id"`
		AppSecret string `yaml:"app_secret"`
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := yaml.Unmarshal(b, &dev); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	case errors.Is(err, os.ErrNotExist):
		key := make([]byte, 32)
		_, _ = rand.Read(key)
		dev.Token = "dev" + randomHex(8)
		dev.AESKey = strings.TrimSuffix(base64.StdEncoding.EncodeToString(key), "=")
		dev.AppID = "wx" + randomHex(8)
		dev.AppSecret = randomHex(16)
		if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
			return err
		}
		out, _ := yaml.Marshal(dev)
		if err := os.WriteFile(path, append([]byte("# Development WeChat credentials, generated on first start.\n"), out...), 0o600); err != nil {
			return err
		}
	default:
		return err
	}
	fill := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	fill(&cfg.WeChat.Token, dev.Token)
	fill(&cfg.WeChat.AESKey, dev.AESKey)
	fill(&cfg.WeChat.AppID, dev.AppID)
	fill(&cfg.WeChat.AppSecret, dev.AppSecret)
	return cfg.Validate()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func banner(w io.Writer, cfg *config.Config, a *app.App, first *app.FirstAdmin) {
	defer firstLogin(w, a, first)
	defer photoReading(w, a)
	mode := "MySQL + Redis"
	if cfg.Embedded() {
		mode = "embedded: SQLite in " + filepath.Join(cfg.DataDir, "intake.db") + " + in-process Redis"
	}
	url := a.URL() + cfg.WeChat.Path
	if !cfg.Embedded() {
		fmt.Fprintf(w, "\nintake %s is running (%s)\n\n  Webhook URL      %s\n  Health           %s/healthz   %s/readyz   %s/metrics\n  Console          %s/console/\n\n",
			versionString(), mode, url, a.URL(), a.URL(), a.URL(), a.URL())
		return
	}
	fmt.Fprintf(w, `
intake %s is running (%s)

  Webhook URL      %s
  Token            %s
  EncodingAESKey   %s
  AppID            %s
  Health           %s/healthz   %s/readyz   %s/metrics
  Console          %s/console/

Try it as a customer (in another terminal):
  go run ./cmd/intake chat            (reads the same config and data/dev-credentials.yaml)

Or with the independent simulator:
  WX_URL=%s WX_TOKEN=%s WX_AES=%s WX_APPID=%s node ../shared/tools/wxsim/wxsim.js say o_demo 你好

`, versionString(), mode, url, cfg.WeChat.Token, cfg.WeChat.AESKey, cfg.WeChat.AppID,
		a.URL(), a.URL(), a.URL(), a.URL(), url, cfg.WeChat.Token, cfg.WeChat.AESKey, cfg.WeChat.AppID)
}

// photoReading says plainly whether the photos customers send are read for text too.
func photoReading(w io.Writer, a *app.App) {
	if a.PhotoOCR != nil {
		fmt.Fprintf(w, "  Photo reading    barcodes and QR codes only: %v\n\n", a.PhotoOCR)
		return
	}
	fmt.Fprintf(w, "  Photo reading    barcodes, QR codes and text (tesseract %s)\n\n", a.Photos.Reader.OCR.Langs)
}

// firstLogin prints the first admin's generated login, once: the start that created the
// account is the only one that knows the password.
func firstLogin(w io.Writer, a *app.App, first *app.FirstAdmin) {
	if first == nil {
		return
	}
	fmt.Fprintf(w, `First console login (shown this once; you will be asked to change the password):
  URL              %s/console/
  Username         %s
  Password         %s

`, a.URL(), first.Username, first.Password)
}
