package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/service/accounts"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffdb"
)

const userSummary = `Manage staff accounts in the configured database (migrating it first).

  intake user add NAME --role agent|editor|admin [--display 名字]
  intake user passwd NAME
  intake user list

add and passwd read the password from the first line of standard input, so it stays out
of the shell history and the process list:

  printf '%s\n' "$PASSWORD" | intake user add alice --role admin --display 王芳`

// runUser is "intake user": staff accounts from the command line, to bootstrap the first
// admin and to recover a locked-out one. The password comes from os.Stdin.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return userCommand(ctx, args, os.Stdin, stdout, stderr)
}

func userCommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("user", userSummary, stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file (for the database)")
	role := fs.String("role", "", "add: the role, agent, editor or admin")
	display := fs.String("display", "", "add: the display name, e.g. 王芳")
	// intake user SUB [NAME] [flags]; flags may also come first (--help, --config).
	if err := fs.Parse(args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fs.Usage()
		return errors.New("user: a subcommand is required: add, passwd or list")
	}
	sub, rest := rest[0], rest[1:]
	if sub == "help" {
		fs.Usage()
		return flag.ErrHelp
	}
	var name string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		name, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if name == "" {
		name = fs.Arg(0)
	}
	switch {
	case sub != "add" && sub != "passwd" && sub != "list":
		fs.Usage()
		return fmt.Errorf("user: unknown subcommand %q", sub)
	case sub != "list" && name == "":
		return fmt.Errorf("user %s: the username is missing", sub)
	}

	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	store, closeDB, err := openStaffStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()

	switch sub {
	case "add":
		return userAdd(ctx, store, name, staff.Role(*role), *display, stdin, stdout, stderr)
	case "passwd":
		return userPasswd(ctx, store, name, stdin, stdout, stderr)
	default:
		return userList(ctx, store, stdout)
	}
}

// openStaffStore opens the configured database, applies every migration and returns the
// staff store on it.
func openStaffStore(ctx context.Context, cfg *config.Config, stderr io.Writer) (*staffdb.Store, func(), error) {
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, nil, fmt.Errorf("data dir: %w", err)
	}
	db, err := database.Open(database.Config{
		DSN: cfg.MySQL.DSN, SQLitePath: filepath.Join(cfg.DataDir, "intake.db"), MaxOpenConns: 2,
	}, newLogger(stderr, "warn"))
	if err != nil {
		return nil, nil, fmt.Errorf("database: %w", err)
	}
	if err := app.Migrate(ctx, db, newLogger(stderr, "warn")); err != nil {
		_ = database.Close(db)
		return nil, nil, err
	}
	return staffdb.New(db), func() { _ = database.Close(db) }, nil
}

// userAdd and userPasswd are the command line's way into the same use cases as the API
// (accounts.Service), audited as by "cli".
func userAdd(ctx context.Context, store *staffdb.Store, name string, role staff.Role, display string,
	stdin io.Reader, stdout, stderr io.Writer) error {
	password, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	svc := accounts.New(accounts.Service{Store: store, Audit: store})
	u, err := svc.CreateUser(ctx, "cli", accounts.NewUser{Username: name, DisplayName: display, Role: role, Password: password})
	if err != nil {
		return cliError(err)
	}
	fmt.Fprintf(stdout, "created %s (%s, %s)\n", u.Username, u.Role, u.Name())
	return nil
}

func userPasswd(ctx context.Context, store *staffdb.Store, name string, stdin io.Reader, stdout, stderr io.Writer) error {
	password, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	svc := accounts.New(accounts.Service{Store: store, Audit: store})
	u, err := svc.UpdateUser(ctx, staff.User{Username: "cli"}, name, accounts.UserChange{Password: &password})
	if err != nil {
		return cliError(err)
	}
	fmt.Fprintf(stdout, "password of %s changed; its sessions and tokens are revoked\n", u.Username)
	return nil
}

func userList(ctx context.Context, store *staffdb.Store, stdout io.Writer) error {
	users, err := store.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "USERNAME\tROLE\tNAME\tSTATUS\tCREATED")
	for _, u := range users {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, u.Name(), status, u.CreatedAt.Format(time.DateOnly))
	}
	return w.Flush()
}

// readPassword reads the first line of stdin, the password to set. On a terminal it says
// first that the input will be visible.
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(stderr, "Password (visible as you type; pipe it in to avoid that): ")
		}
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// cliError turns a refusal into a line an operator can act on.
func cliError(err error) error {
	var fe *staff.FieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%s: %s", fe.Field, fe.Message())
	}
	return err
}
