// Command intake is the after-sales intake and triage service for WeChat Official
// Accounts: one binary for the service and its tools.
//
//	intake [serve]      run the service (the default)
//	intake migrate      apply database migrations and exit
//	intake chat         chat with a running service as a WeChat customer would
//	intake user         manage staff accounts (add, passwd, list)
//	intake kb           test, export, import and publish the troubleshooting knowledge
//	intake version      print the version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/wxintake/intake/internal/config"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise the module's
// VCS stamp is used.
var version = ""

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "run the service (default)", runServe},
		{"migrate", "apply database migrations and exit", runMigrate},
		{"chat", "chat with a running service as a WeChat customer", runChat},
		{"menu", "create the Official Account's custom menu (menu push)", runMenu},
		{"user", "manage staff accounts: add, passwd, list", runUser},
		{"kb", "troubleshooting knowledge: test, export, import, publish", runKB},
		{"version", "print the version", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "intake:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		usage(stdout)
		return nil
	}
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args, stdout, stderr)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", name)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: intake <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'intake <command> --help' for a command's flags.")
}

// newFlags returns a flag set whose --help prints the command's purpose and flags.
func newFlags(name, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("intake "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: intake %s [flags]\n\n%s\n\nflags:\n", name, summary)
		fs.PrintDefaults()
	}
	return fs
}

// loadConfig reads the config file and the environment.
func loadConfig(path string) (*config.Config, error) {
	if path == "config.yaml" {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			path = "" // defaults and environment only
		}
	}
	return config.Load(path, os.Getenv)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "Print the version of this binary.", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "intake", versionString())
	return nil
}

func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	rev, dirty := "", ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return info.Main.Version
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return rev + dirty + " (" + info.GoVersion + ")"
}
