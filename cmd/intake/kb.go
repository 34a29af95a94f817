package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/bot/textmodel"
	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/evaluate"
	"github.com/wxintake/intake/internal/service/publishing"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffdb"
)

const kbSummary = `The troubleshooting knowledge: test it, and move it in and out of the configured database.

  intake kb test [--file DIR]           every sample must rank its own rule first (the shipped
                                        knowledge, or the YAML files under DIR: categories.yaml,
                                        rules/*.yaml); prints top-1/top-3 accuracy and failures,
                                        then the held-out accuracy per category (each sample
                                        matched without itself in the similarity index; misses
                                        there are warnings, not failures)
  intake kb eval [--corpus DIR] [--split dev|test|all] [--misses N]
                                        how well the bot understands customers: the labelled
                                        corpora under DIR (default corpus/) read by the shipped
                                        knowledge; figures per behaviour, category and slot
  intake kb eval --rules-only ...      the same, reading acts by the patterns alone (without
                                        the learned act model)
  intake kb train [--corpus DIR] [--out DIR]
                                        train the act and hazard models on the dev split of the
                                        corpora (default out: bot/textmodel, acts.json.gz and
                                        hazards.json.gz); run it after changing the corpora or
                                        the act or hazard patterns
  intake kb export [--version N|draft] DIR    write a revision's files (default: the current one)
  intake kb import [--shipped] DIR      replace the editors' draft with the files under DIR (or
                                        with the knowledge shipped in this binary)
  intake kb publish -m MESSAGE          publish the draft to every running instance
  intake kb proposal                    what this release changed in the shipped knowledge
                                        since the database's revisions were based on it: the
                                        items that apply cleanly and the conflicts with the
                                        editors' changes (review and apply in the console's
                                        rule editor, /console/rules/proposal)

import and publish record --author (default "cli") in the revision history and audit log.`

// runKB is "intake kb".
func runKB(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kb", kbSummary, stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file (for the database and Redis)")
	dir := fs.String("file", "", "test: a knowledge directory to test instead of the shipped knowledge")
	version := fs.String("version", "", `export: a version number or "draft" (default: the current revision)`)
	shipped := fs.Bool("shipped", false, "import: the knowledge shipped in this binary instead of DIR")
	corpus := fs.String("corpus", "corpus", "eval: the directory of the labelled corpora")
	split := fs.String("split", "", `eval: "dev", "test" or "all" (default: dev, then test)`)
	misses := fs.Int("misses", 0, "eval: print up to N misclassified messages")
	rulesOnly := fs.Bool("rules-only", false, "eval: read acts by the patterns alone, without the act model")
	trace := fs.String("trace", "", "eval: replay the conversation with this id and print what the bot did")
	out := fs.String("out", "bot/textmodel", "train: the directory to write the models to")
	message := fs.String("m", "", "publish: what changed, for the history")
	author := fs.String("author", "cli", "import, publish: who does it")
	if len(args) == 0 {
		fs.Usage()
		return errors.New("kb: a subcommand is required: test, export, import or publish")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fs.Usage()
		return flag.ErrHelp
	}
	sub, rest := args[0], args[1:]
	var target string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") { // DIR may come before the flags
		target, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if target == "" {
		target = fs.Arg(0)
	}

	switch sub {
	case "test":
		return kbTest(*dir, stdout)
	case "eval":
		if *trace != "" {
			return kbTrace(*dir, *corpus, *trace, bot.RuleReader{NoModel: *rulesOnly}, stdout)
		}
		return kbEval(*dir, *corpus, *split, *misses, bot.RuleReader{NoModel: *rulesOnly}, stdout)
	case "train":
		return kbTrain(*corpus, *out, stdout)
	case "export", "import", "publish", "proposal":
	default:
		fs.Usage()
		return fmt.Errorf("kb: unknown subcommand %q", sub)
	}
	if sub != "publish" && sub != "proposal" && target == "" && !(sub == "import" && *shipped) {
		return fmt.Errorf("kb %s: a directory is required", sub)
	}
	if sub == "publish" && strings.TrimSpace(*message) == "" {
		return errors.New("kb publish: -m MESSAGE is required")
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	db, err := openKnowledgeDB(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer database.Close(db)
	store := knowledgedb.New(db, knowledgedb.Options{})
	set, err := knowledge.Shipped()
	if err != nil {
		return err
	}
	if _, err := store.EnsureSeeded(ctx, set); err != nil {
		return err
	}
	audit := staffdb.New(db)

	switch sub {
	case "export":
		return kbExport(ctx, store, *version, target, stdout)
	case "import":
		return kbImport(ctx, store, audit, *author, *shipped, target, stdout)
	case "proposal":
		return kbProposal(ctx, store, stdout)
	}
	return kbPublish(ctx, cfg, store, audit, *author, *message, stdout)
}

// kbTest self-tests the shipped knowledge, or the directory dir.
func kbTest(dir string, stdout io.Writer) error {
	fsys, where := knowledge.ShippedFS(), "the shipped knowledge"
	if dir != "" {
		fsys, where = os.DirFS(dir), dir
	}
	set, err := knowledge.ParseFS(fsys)
	if err == nil {
		err = set.Validate()
	}
	if err != nil {
		return reportProblems(err, stdout)
	}
	rep := knowledge.SelfTest(set)
	fmt.Fprintf(stdout, "%s: %d categories, %d rules\n", where, len(set.Categories), len(set.Rules))
	if err := rep.WriteText(stdout); err != nil {
		return err
	}
	if !rep.Passed() {
		return fmt.Errorf("kb test: %d samples do not rank their rule first", len(rep.Failures))
	}
	return nil
}

// evalKB is the knowledge the corpora are read with: the shipped one, or the directory dir.
func evalKB(dir string, stdout io.Writer) (*bot.KnowledgeBase, error) {
	fsys := knowledge.ShippedFS()
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	set, err := knowledge.ParseFS(fsys)
	if err != nil {
		return nil, reportProblems(err, stdout)
	}
	return bot.NewKnowledgeBase(set)
}

// kbTrace replays one scripted conversation of the corpora and prints what the bot did.
func kbTrace(dir, corpus, id string, reader bot.RuleReader, stdout io.Writer) error {
	kb, err := evalKB(dir, stdout)
	if err != nil {
		return err
	}
	return evaluate.Trace(corpus, id, kb, reader, stdout)
}

// kbEval prints the understanding figures on the corpora, per split.
func kbEval(dir, corpus, split string, misses int, reader bot.RuleReader, stdout io.Writer) error {
	kb, err := evalKB(dir, stdout)
	if err != nil {
		return err
	}
	splits := []string{"dev", "test"}
	if split != "" {
		splits = []string{split}
	}
	for _, sp := range splits {
		rep, err := evaluate.Run(corpus, sp, kb, reader)
		if err != nil {
			return fmt.Errorf("kb eval: %w", err)
		}
		if err := rep.WriteText(stdout, misses); err != nil {
			return err
		}
	}
	return nil
}

// kbTrain trains the act and hazard models on the dev split of the corpora under corpus,
// read by the shipped knowledge, and writes them to the directory out.
func kbTrain(corpus, out string, stdout io.Writer) error {
	set, err := knowledge.Shipped()
	if err != nil {
		return err
	}
	kb, err := bot.NewKnowledgeBase(set)
	if err != nil {
		return err
	}
	acts, err := evaluate.TrainActs(corpus, "dev", kb)
	if err != nil {
		return fmt.Errorf("kb train: %w", err)
	}
	hazards, err := evaluate.TrainHazards(corpus, "dev")
	if err != nil {
		return fmt.Errorf("kb train: %w", err)
	}
	for name, m := range map[string]*textmodel.Model{"acts.json.gz": acts, "hazards.json.gz": hazards} {
		var b bytes.Buffer
		if err := m.Encode(&b); err != nil {
			return err
		}
		path := filepath.Join(out, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("kb train: %w", err)
		}
		var n float64
		for _, p := range m.Prior {
			n += p
		}
		fmt.Fprintf(stdout, "%s: %.0f messages, %d classes, %d features, %d bytes\n", path, n, len(m.Classes), len(m.Counts), b.Len())
	}
	return nil
}

// reportProblems prints validation problems one per line ("file:line: field: message")
// and returns an error counting them; other errors are returned as they are.
func reportProblems(err error, stdout io.Writer) error {
	var ve *knowledge.ValidationError
	var ste *knowledge.SelfTestError
	switch {
	case errors.As(err, &ve):
		for _, p := range ve.Problems {
			fmt.Fprintln(stdout, p.Error())
		}
		return fmt.Errorf("%d problems in the knowledge", len(ve.Problems))
	case errors.As(err, &ste):
		_ = ste.Report.WriteText(stdout)
		return ste
	}
	return err
}

// openKnowledgeDB opens the configured database with every migration applied.
func openKnowledgeDB(ctx context.Context, cfg *config.Config, stderr io.Writer) (*gorm.DB, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	db, err := database.Open(database.Config{
		DSN: cfg.MySQL.DSN, SQLitePath: filepath.Join(cfg.DataDir, "intake.db"), MaxOpenConns: 2,
	}, newLogger(stderr, "warn"))
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	if err := app.Migrate(ctx, db, newLogger(stderr, "warn")); err != nil {
		_ = database.Close(db)
		return nil, err
	}
	return db, nil
}

// kbExport writes the files of a version under dir.
func kbExport(ctx context.Context, store *knowledgedb.Store, version, dir string, stdout io.Writer) error {
	v := 0
	switch version {
	case "draft":
		v = knowledgedb.DraftVersion
	case "":
		current, err := store.CurrentVersion(ctx)
		if err != nil {
			return err
		}
		v = current
	default:
		n, err := strconv.Atoi(version)
		if err != nil || n < 1 {
			return fmt.Errorf("kb export: --version %q is not a version number or draft", version)
		}
		v = n
	}
	files, err := store.Export(ctx, v)
	if err != nil {
		return err
	}
	for name, b := range files {
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("kb export: refusing to write %q outside %s", name, dir)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o640); err != nil {
			return err
		}
	}
	label := version
	if label == "" {
		label = strconv.Itoa(v)
	}
	fmt.Fprintf(stdout, "exported %d files of version %s to %s\n", len(files), label, dir)
	return nil
}

// kbProposal prints what this release changed in the shipped knowledge, against the
// draft: the release's changes to items the editors never touched, then the conflicts.
func kbProposal(ctx context.Context, store *knowledgedb.Store, stdout io.Writer) error {
	p, err := store.Proposal(ctx)
	if err != nil {
		return err
	}
	if len(p.Items) == 0 {
		fmt.Fprintln(stdout, "no proposal: the draft already has the knowledge this release ships")
		return nil
	}
	clean, conflicts := p.Counts()
	state := "pending"
	if p.Dismissed {
		state = "dismissed"
	}
	fmt.Fprintf(stdout, "proposal (%s): shipped knowledge %.12s -> %.12s: %d clean, %d conflicts\n", state, p.BaseHash, p.ReleaseHash, clean, conflicts)
	for _, conflict := range []bool{false, true} {
		for _, it := range p.Items {
			if it.Conflict != conflict {
				continue
			}
			mark := "clean   "
			if conflict {
				mark = "CONFLICT"
			}
			fmt.Fprintf(stdout, "  %s %-8s %-8s %s  %s\n", mark, it.Change, it.Kind, it.ID, it.Title)
		}
	}
	if p.DraftChanged {
		fmt.Fprintln(stdout, "the draft has unpublished changes: applying merges into them")
	}
	fmt.Fprintln(stdout, "review and apply it in the console: /console/rules/proposal")
	return nil
}

// kbImport replaces the draft with the YAML files under dir, or the shipped knowledge
// (publishing.Service.Import, as the API does).
func kbImport(ctx context.Context, store *knowledgedb.Store, audit staff.Auditor, author string, shipped bool, dir string, stdout io.Writer) error {
	fsys := knowledge.ShippedFS()
	if !shipped {
		fsys = os.DirFS(dir)
	}
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(name); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		files[name], err = fs.ReadFile(fsys, name)
		return err
	})
	if err != nil {
		return err
	}
	svc := publishing.New(publishing.Service{Store: store, Audit: audit})
	if _, err := svc.Import(ctx, author, files); err != nil {
		return reportProblems(err, stdout)
	}
	fmt.Fprintf(stdout, "imported %d files into the draft; publish them with: intake kb publish -m MESSAGE\n", len(files))
	return nil
}

// kbPublish publishes the draft (publishing.Service.Publish, as the API does) and announces it to the running instances over the
// configured Redis; without one (embedded), they find it at their next poll.
func kbPublish(ctx context.Context, cfg *config.Config, store *knowledgedb.Store, audit staff.Auditor, author, message string, stdout io.Writer) error {
	svc := publishing.New(publishing.Service{Store: store, Audit: audit})
	if cfg.Redis.Addr != "" {
		rdb := redis.NewUniversalClient(&redis.UniversalOptions{
			Addrs: cfg.RedisAddrs(), Password: cfg.Redis.Password, DB: cfg.Redis.DB, MasterName: cfg.Redis.MasterName,
		})
		defer rdb.Close()
		svc.Store = knowledgedb.NewPublisher(store, rdb, cfg.Redis.KeyPrefix, 0, nil)
	}
	rev, err := svc.Publish(ctx, author, message)
	if err != nil {
		return reportProblems(err, stdout)
	}
	fmt.Fprintf(stdout, "published version %d (%d rules)\n", rev.Version, rev.Rules)
	if cfg.Redis.Addr == "" {
		fmt.Fprintf(stdout, "no redis.addr configured: running instances pick it up within %s\n", knowledgedb.DefaultPollInterval)
	}
	return nil
}
