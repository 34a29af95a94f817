// Package app assembles one running service from its configuration: stores, the bot,
// the WeChat client and the HTTP handlers. cmd/intake calls it; tests start whole services
// with it on port 0.
package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
	"github.com/sirupsen/logrus"
	"gorm.io/gorm"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/bot/botredis"
	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/effects"
	"github.com/wxintake/intake/internal/livechat"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/internal/nonces"
	"github.com/wxintake/intake/internal/notify"
	"github.com/wxintake/intake/internal/pagetoken"
	"github.com/wxintake/intake/internal/photoread"
	"github.com/wxintake/intake/internal/wecom"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/internal/wxtemplate"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffdb"
	"github.com/wxintake/intake/staff/staffredis"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// App is one service instance.
type App struct {
	Cfg     *config.Config
	Log     *slog.Logger
	Metrics *metrics.Metrics
	DB      *gorm.DB
	Redis   redis.UniversalClient
	Bot     *bot.Service
	WeChat  *wxapi.Client
	Echo    *echo.Echo

	Calendar *triage.Calendar
	Tickets  *triagedb.Store
	// Staff keeps staff accounts, sessions, ticket notes and the audit log; anything
	// that must be audited (rule publishes…) calls a.Staff.Record.
	Staff    *staffdb.Store
	Canned   *canned.Store // the canned replies agents pick from
	Stats    *effects.BufferedStats
	Notifier *notify.Notifier
	Pages    *pagetoken.Signer // signs the links to the customer's ticket page
	Spool    *effects.Spool
	Chat     *livechat.Chat
	Waiting  *livechat.Queue // chats waiting for a person with no ticket
	Sessions *botredis.Store
	Media    *media.Store      // the photos customers sent, for the console
	Photos   *photoread.Worker // reads them after the turn (issue 17)
	// PhotoOCR says why photos' text is not read (tesseract missing); nil when it is.
	PhotoOCR error

	bg background
	// NoLoops, set before Start, runs no background loops: for tests that count what one
	// request does.
	NoLoops bool
	loops   []func(ctx context.Context) // started with the service, stopped at Shutdown

	// KB keeps the knowledge's revisions and draft and publishes them to every instance.
	KB        *knowledgedb.Publisher
	kbVersion int // the revision loaded at start

	kb     atomic.Pointer[bot.KnowledgeBase]
	dialog atomic.Pointer[bot.Dialog]

	mini      *miniredis.Miniredis
	stopClock func()
	snap      *snapshotter // saves mini to the data directory
	server    *http.Server
	listener  net.Listener
	served    chan error

	pprofServer   *http.Server
	pprofListener net.Listener

	now func() time.Time // the clock every service is given; time.Now unless WithClock
}

// Option changes how New builds the service.
type Option func(*App)

// WithClock gives every service and store the clock now instead of time.Now: ticket
// deadlines, sessions, waiting chats, notifications and page links read the time from it.
// The in-process Redis still expires keys in real time, as a real server does.
func WithClock(now func() time.Time) Option { return func(a *App) { a.now = now } }

// New builds the service: it opens the database (SQLite in embedded mode) and Redis (an
// in-process one in embedded mode), migrates the schema, and wires everything together.
// It does not listen yet: see Start.
func New(ctx context.Context, cfg *config.Config, log *slog.Logger, opts ...Option) (_ *App, err error) {
	setSDKGlobals(cfg)
	a := &App{Cfg: cfg, Log: log, Metrics: metrics.New(), now: time.Now}
	for _, o := range opts {
		o(a)
	}
	now := a.now
	defer func() {
		if err != nil {
			a.closeStores()
		}
	}()

	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	a.DB, err = database.Open(database.Config{
		DSN:          cfg.MySQL.DSN,
		SQLitePath:   filepath.Join(cfg.DataDir, "intake.db"),
		MaxOpenConns: cfg.MySQL.MaxOpenConns,
		MaxIdleConns: cfg.MySQL.MaxIdleConns,
		Now:          now,
	}, log)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	if err := Migrate(ctx, a.DB, log); err != nil {
		return nil, err
	}

	if cfg.Redis.Addr == "" {
		// In-process, on loopback, behind a generated password, restored from and saved to
		// the data directory (snapshot.go).
		if err := a.startEmbeddedRedis(); err != nil {
			return nil, err
		}
	} else {
		a.Redis = redis.NewUniversalClient(&redis.UniversalOptions{
			Addrs: cfg.RedisAddrs(), Password: cfg.Redis.Password, DB: cfg.Redis.DB, MasterName: cfg.Redis.MasterName,
			Protocol: redisProtocol,
		})
	}
	if err := a.Redis.Ping(ctx).Err(); err != nil {
		return nil, fmt.Errorf("redis %s: %w", cfg.Redis.Addr, err)
	}

	prefix := cfg.Redis.KeyPrefix
	a.WeChat = wxapi.NewClient(wxapi.Config{
		AppID: cfg.WeChat.AppID, AppSecret: cfg.WeChat.AppSecret, Token: cfg.WeChat.Token, AESKey: cfg.WeChat.AESKey,
		APIBase: cfg.WeChat.APIBase,
	}, wxapi.NewTokenSource(a.Redis, prefix, cfg.WeChat.AppID, cfg.WeChat.AppSecret, cfg.WeChat.UseStableToken),
		wxapi.NewCache(a.Redis, prefix+"sdk:"), a.Metrics)

	if err := a.loadKnowledge(ctx); err != nil {
		return nil, err
	}
	cal, err := calendar(cfg)
	if err != nil {
		return nil, err
	}
	a.Calendar = cal
	if notice := CalendarNotice(cal, now()); notice != "" {
		log.Warn("business calendar: " + notice)
	}
	a.Tickets = triagedb.New(a.DB, triagedb.Config{Location: cal.Location()})
	a.Metrics.TicketsBreached.Now = now
	a.Metrics.TicketsBreached.Source(func(ctx context.Context) (int, error) {
		return a.Tickets.CountBreached(ctx, now())
	}, log)
	a.Staff = staffdb.New(a.DB).WithClock(now)
	a.Canned = canned.New(a.DB)
	a.Stats = effects.NewBufferedStats(effects.NewRedisStats(a.Redis, prefix))
	a.Spool = effects.NewSpool(a.Redis, prefix, log)
	backend := &effects.Backend{
		Store: a.Tickets, Calendar: cal, KB: a.Knowledge, Stats: a.Stats, Spool: a.Spool, Groups: triageGroups(cfg.Routing.Groups),
		Visits: visitPolicy(cfg), Now: now, Log: log, PageURL: a.PageURL,
		ComplaintGroup: cfg.Routing.ComplaintGroup,
	}
	if a.KB != nil {
		backend.Unmatched = a.KB.Store // messages no rule matched, redacted, for the editors
	}
	// Staff hear of tickets that need someone now in their 企业微信 group (when a robot key
	// is set), posted in the background: a turn never waits for it.
	alerts := wecom.NewAlerts(wecom.NewRobot(cfg.Alerts.WeComURL, cfg.Alerts.WeComKey), log, nil)
	a.loops = append(a.loops, alerts.Run)
	backend.Alert = func(t triage.Ticket, waiting bool) { alerts.Ticket(t, waiting, a.ConsoleURL(t.Number)) }

	a.Sessions = botredis.New(a.Redis, prefix+"s:", botredis.Options{IdleTTL: cfg.Session.IdleTTL, LockTTL: cfg.Session.LockTTL})
	// Customers who ask for a person before reporting anything wait in a queue of chats
	// with no ticket (issue 13 §1); the bot takes the intake back when nobody comes.
	a.Waiting = &livechat.Queue{Due: livechat.NewRedisQueue(a.Redis, prefix+"handoff:waiting"), Now: now}
	a.Waiting.Alert = func(until time.Time) { alerts.Waiting(until, cal.Location(), a.consoleQueueURL()) }
	a.Bot = bot.NewService(a.Sessions, a.WeChat, queuedBackend{backend, a.Waiting}, a.Dialog, log, bot.Options{
		Budget:  cfg.WeChat.TurnBudget,
		LockTTL: cfg.Session.LockTTL,
	})

	a.Notifier = &notify.Notifier{
		DB: a.DB, Store: a.Tickets, Outbox: triagedb.NewOutbox(a.DB), Conversations: a.Bot, WeChat: a.WeChat,
		TemplateID: cfg.Notify.TemplateID, Fields: notify.ParseFields(cfg.Notify.TemplateFields),
		FollowUpAfter: cfg.Notify.FollowUpAfter, Calendar: cal, Now: now, Log: log,
	}
	a.Pages = &pagetoken.Signer{Key: pageKey(cfg, log), TTL: cfg.Notify.PageTTL}
	a.Notifier.PageURL = a.PageURL
	if dropped := wxtemplate.Dropped(a.Notifier.Fields); len(dropped) > 0 {
		log.Warn("notify.template_fields names fields WeChat no longer shows (since May 2023); they are left empty: map the values to the template's own fields",
			"fields", dropped)
	}
	a.loops = append(a.loops, func(ctx context.Context) { a.Notifier.Run(ctx, 2*time.Second) })
	a.Spool.Created = func(ctx context.Context, t triage.Ticket, reference string) error {
		alerts.Ticket(t, t.Result.Handoff, a.ConsoleURL(t.Number)) // a spooled case: now it has a number
		return a.Notifier.Created(ctx, t, reference)
	}
	a.loops = append(a.loops, func(ctx context.Context) { a.Spool.Run(ctx, a.Tickets, 2*time.Second) })
	a.loops = append(a.loops, a.watchKnowledge)

	a.Chat = &livechat.Chat{Bot: a.Bot, Tickets: a.Tickets, WeChat: a.WeChat, Now: now,
		Idle: cfg.Console.TakeoverIdle, Active: livechat.NewRedisDeadlines(a.Redis, prefix), Live: a.Sessions,
		Failed: livechat.NewRedisUndelivered(a.Redis, prefix), Notices: a.Notifier.Notice}
	a.Waiting.Bot = a.Bot
	a.loops = append(a.loops, func(ctx context.Context) {
		every(ctx, 15*time.Second, func(ctx context.Context) {
			if n, err := a.Waiting.Sweep(ctx); n > 0 || err != nil {
				log.Info("livechat: chats nobody took over went back to the bot", "n", n, "err", err)
			}
		})
	})
	a.loops = append(a.loops, func(ctx context.Context) {
		every(ctx, 15*time.Second, func(ctx context.Context) {
			if n, err := a.Chat.Sweep(ctx); n > 0 || err != nil {
				log.Info("livechat: idle takeovers returned to the queue", "n", n, "err", err)
			}
		})
	})

	// Photos are downloaded after the turn that received them; staff book visits among
	// the windows the bot offers customers.
	a.Media = media.NewStore(a.DB)
	photos := media.NewDownloader(a.Media, a.WeChat, log)
	photos.Now = now
	a.loops = append(a.loops, photos.Run)
	// They are read too: barcodes always, text when tesseract is installed.
	var ocr photoread.Tesseract
	ocr, a.PhotoOCR = photoread.FindTesseract()
	a.Photos = photoread.NewWorker(photoread.New(ocr, photoread.Limits{MaxBytes: media.MaxBytes}), photos, a.Bot, log)
	a.Photos.Now = now
	a.loops = append(a.loops, a.Photos.Run)
	visits := func(now time.Time) []triage.Window {
		return triage.PlanVisits(now, time.Time{}, cal, backend.Visits).Windows
	}

	pages, err := handlers.NewPages(handlers.PagesDeps{Log: log, Now: now, Tickets: a.Tickets, Staff: a.Staff, Notes: a.Staff,
		Audit: a.Staff, Window: a.Bot.Window, Stats: a.Stats, Dashboard: a.Tickets, Deliveries: a.Notifier.Outbox, Location: cal.Location(),
		KB: a.KB, Published: a.Knowledge, Unmatched: a.KB, SecureCookies: cfg.Console.SecureCookies,
		Canned: a.Canned, LastLogins: a.Staff.LastLogins,
		Undelivered: a.Chat.Undelivered, Media: a.Media, VisitWindows: visits, Groups: triageGroups(cfg.Routing.StaffGroups()),
		MissingAdjustments: cal.MissingAdjustments, Waiting: waitingChats{a.Chat, a.Waiting}})
	if err != nil {
		return nil, err
	}
	a.Echo = handlers.New(handlers.Deps{
		Log:            log,
		Now:            now,
		Metrics:        a.Metrics,
		OA:             a.WeChat.OA,
		TrustedProxies: cfg.TrustedProxyNets(),
		WeChat: handlers.WeChat{
			Path: cfg.WeChat.Path, Token: cfg.WeChat.Token,
			MaxClockSkew: cfg.WeChat.MaxClockSkew, MaxBodyBytes: cfg.WeChat.MaxBodyBytes,
			Plaintext: cfg.WeChatMode() != config.ModeSafe,
		},
		Nonces:    nonces.New(a.Redis, prefix+"nonce:"),
		OpsToken:  cfg.HTTP.OpsToken,
		Turns:     photoread.Turns{Next: a.Bot, Worker: a.Photos},
		Tickets:   a.Tickets,
		Statuses:  a.Notifier,
		Outbox:    a.Notifier.Outbox,
		Staff:     a.Staff,
		Notes:     a.Staff,
		Audit:     a.Staff,
		Logins:    staffredis.NewThrottle(a.Redis, prefix+"login:", staff.DefaultLoginPolicy()),
		Addresses: staffredis.NewThrottle(a.Redis, prefix+"login:", staff.AddressLoginPolicy()),
		Usernames: staffredis.NewThrottle(a.Redis, prefix+"login:", staff.UsernameLoginPolicy()),
		Chat:      a.Chat,
		Console:   handlers.Console{SecureCookies: cfg.Console.SecureCookies, SessionTTL: cfg.Console.SessionTTL},
		KB:        a.KB,
		Published: a.Knowledge,
		RuleStats: a.Stats,
		Live:      a.Sessions.Subscribe,
		Canned:    a.Canned,
		Pages:     pages,

		Page: handlers.Page{Tokens: a.Pages, Rater: backend,
			Promise: func(t triage.Ticket) string { return effects.Promise(t, cal) }},

		Visits:       a.Notifier,
		VisitWindows: visits,
		Groups:       triageGroups(cfg.Routing.StaffGroups()),
		Location:     cal.Location(),

		ReadyNotes: func() map[string]string {
			if notice := CalendarNotice(cal, now()); notice != "" {
				return map[string]string{"calendar": notice}
			}
			return nil
		},
		Ready: []handlers.Check{
			{Name: "database", Ping: func(ctx context.Context) error { return database.Ping(ctx, a.DB) }},
			{Name: "redis", Ping: func(ctx context.Context) error { return a.Redis.Ping(ctx).Err() }},
		},
	})
	// The learned models are decoded before the first customer's turn, not inside it.
	bot.Warm()
	return a, nil
}

// setSDKGlobals sets what silenceper/wechat keeps in package-level variables and offers
// no other way to set: its logrus logger, silenced (at Debug it logs whole request bodies;
// everything it reports we report ourselves, without personal data), and the base URL and
// HTTP client of its calls (wxapi.Setup). They are process-wide whatever we do; this is
// the one place the service sets them. Every App in a process (tests start several) sets
// the same values from its configuration.
func setSDKGlobals(cfg *config.Config) {
	logrus.SetOutput(io.Discard)
	logrus.SetLevel(logrus.ErrorLevel)
	wxapi.Setup(cfg.WeChat.APIBase, cfg.WeChat.APITimeout)
}

// Start listens on the configured address (port 0 picks a free one) and serves in the
// background.
func (a *App) Start() error {
	l, err := net.Listen("tcp", a.Cfg.HTTP.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", a.Cfg.HTTP.Addr, err)
	}
	a.listener = l
	a.server = &http.Server{
		Handler:           a.Echo,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       90 * time.Second,
	}
	a.served = make(chan error, 1)
	go func() { a.served <- a.server.Serve(l) }()
	a.startBackground()
	return a.startPprof()
}

// Addr is the address the service listens on, once started.
func (a *App) Addr() string { return a.listener.Addr().String() }

// URL is the service's base URL on loopback, once started.
func (a *App) URL() string { return "http://" + a.Addr() }

// ConsoleURL returns the link to ticket number's console page, at http.public_url, or
// where the service listens when that is not set.
func (a *App) ConsoleURL(number string) string {
	base := strings.TrimRight(a.Cfg.HTTP.PublicURL, "/")
	if base == "" && a.listener != nil {
		base = a.URL()
	}
	return base + "/console/tickets/" + url.PathEscape(number)
}

// consoleQueueURL is the console's queue page, where chats waiting with no ticket are
// taken over.
func (a *App) consoleQueueURL() string {
	return strings.TrimSuffix(a.ConsoleURL(""), "tickets/")
}

// PageURL returns the signed link to ticket number's customer page, at http.public_url,
// or where the service listens when that is not set (development and tests).
func (a *App) PageURL(number string) string {
	base := strings.TrimRight(a.Cfg.HTTP.PublicURL, "/")
	if base == "" {
		if a.listener == nil {
			return ""
		}
		base = a.URL()
	}
	return base + handlers.PagePath + a.Pages.Sign(number, a.now())
}

// pageKey is the key of the page links: notify.page_secret, else derived from the app
// secret (stable, and the same on every instance), else — nothing to derive from — a
// random one, with links that stop working at restart.
func pageKey(cfg *config.Config, log *slog.Logger) []byte {
	switch {
	case cfg.Notify.PageSecret != "":
		return []byte(cfg.Notify.PageSecret)
	case cfg.WeChat.AppSecret != "":
		return pagetoken.DeriveKey(cfg.WeChat.AppSecret)
	}
	log.Warn("notify.page_secret and wechat.app_secret are empty: links to the customer page stop working at restart")
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	return key
}

// Done reports the HTTP server stopping on its own.
func (a *App) Done() <-chan error { return a.served }

// Shutdown stops accepting requests, lets in-flight requests and background turns finish
// (until ctx ends), then closes the stores.
func (a *App) Shutdown(ctx context.Context) error {
	var errs []error
	a.stopPprof()
	if a.server != nil {
		if err := a.server.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("http shutdown: %w", err))
		}
	}
	if a.Bot != nil {
		if err := a.Bot.Close(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	a.stopBackground()
	a.closeStores()
	return errors.Join(errs...)
}

func (a *App) closeStores() {
	a.closeSnapshot()
	if a.Redis != nil {
		_ = a.Redis.Close()
	}
	if a.stopClock != nil {
		a.stopClock()
	}
	if a.mini != nil {
		a.mini.Close()
	}
	if a.DB != nil {
		_ = database.Close(a.DB)
	}
}

// runClock makes the in-process Redis expire keys in real time, as a real server does:
// miniredis only moves its clock when told to. Locks, message claims and idle
// conversations all rely on expiry.
func runClock(m *miniredis.Miniredis) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		last := time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				m.SetTime(now)
				m.FastForward(now.Sub(last))
				last = now
			}
		}
	}()
	return func() { close(done) }
}

// Knowledge returns the published knowledge base.
func (a *App) Knowledge() *bot.KnowledgeBase { return a.kb.Load() }

// Dialog returns the dialog on the published knowledge base.
func (a *App) Dialog() *bot.Dialog { return a.dialog.Load() }

// loadKnowledge serves the current published revision of the knowledge. On the first
// start it stores the knowledge shipped with the binary as revision 1; after that the
// database decides, and editors publish new revisions. A release shipping other
// knowledge than the revisions were based on is logged; editors get it as a proposal.
func (a *App) loadKnowledge(ctx context.Context) error {
	shipped, err := knowledge.Shipped()
	if err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	store := knowledgedb.New(a.DB, knowledgedb.Options{Now: a.now})
	if _, err := store.EnsureSeeded(ctx, shipped); err != nil {
		return err
	}
	// A database holding revisions keeps serving them; what this release changed in the
	// shipped knowledge waits for the editors as a proposal (knowledgedb.Store.Proposal).
	if p, err := store.Proposal(ctx); err != nil {
		a.Log.Warn("knowledge: cannot compare the shipped knowledge with the stored revisions", "err", err)
	} else if p.Pending() {
		clean, conflicts := p.Counts()
		a.Log.Info("knowledge: this release ships changed knowledge; the published revision is kept and editors can review the changes at /console/rules/proposal",
			"clean", clean, "conflicts", conflicts)
	}
	set, version, err := store.Current(ctx)
	if err != nil {
		return err
	}
	if err := a.Publish(set); err != nil {
		return fmt.Errorf("knowledge revision %d: %w", version, err)
	}
	a.KB = knowledgedb.NewPublisher(store, a.Redis, a.Cfg.Redis.KeyPrefix, 0, a.Log)
	a.kbVersion = version
	return nil
}

// watchKnowledge swaps in every revision published, by any instance, until ctx ends.
func (a *App) watchKnowledge(ctx context.Context) {
	for {
		w, err := a.KB.Watch(ctx, a.kbVersion, func(set *knowledge.Set, _ int) error { return a.Publish(set) })
		if err == nil {
			<-ctx.Done()
			w.Stop()
			return
		}
		a.Log.Error("knowledge: cannot watch for published revisions; retrying", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(knowledgedb.DefaultPollInterval):
		}
	}
}

// opens is when staff are next on duty at or after t, on the business calendar.
func (a *App) opens(t time.Time) time.Time {
	if a.Calendar == nil {
		return t
	}
	return a.Calendar.AddWorkingHours(t, 0)
}

// Publish makes set the knowledge every new turn uses. A turn in progress finishes on the
// set it started with.
func (a *App) Publish(set *knowledge.Set) error {
	kb, err := bot.NewKnowledgeBase(set)
	if err != nil {
		return err
	}
	a.kb.Store(kb)
	d := bot.NewDialog(kb)
	d.HandoffWait = a.Cfg.Console.HandoffWait
	d.Opens = a.opens
	if a.Calendar != nil {
		d.StaffHours = a.Calendar.WorkHours()
	}
	a.dialog.Store(d)
	return nil
}

// defaultSlots are the engineer visit slots offered on each working day.
var defaultSlots = []triage.Slot{
	{Label: "上午", Start: "09:00", End: "11:00"},
	{Label: "下午", Start: "14:00", End: "16:00"},
}

// visitPolicy is when engineers can be booked: defaultSlots on three days, with the
// weekend and evening windows the configuration allows (checked by config.Validate).
func visitPolicy(cfg *config.Config) triage.VisitPolicy {
	evening := eveningSlot(cfg.Business)
	return triage.VisitPolicy{Slots: defaultSlots, Evening: evening, Weekend: cfg.Business.VisitWeekend, Days: 3}
}

// calendar is the business calendar: China's statutory holidays of every year, 2026's
// published adjustments and those of business.adjustments_file, in the configured time zone.
func calendar(cfg *config.Config) (*triage.Calendar, error) {
	cc := triage.China()
	cc.TimeZone = cfg.Business.TimeZone
	if cfg.Routing.ComplaintWithin > 0 {
		cc.ComplaintWithin = cfg.Routing.ComplaintWithin.String()
	}
	if path := cfg.Business.AdjustmentsFile; path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("business.adjustments_file: %w", err)
		}
		years, err := triage.ParseAdjustments(b)
		if err != nil {
			return nil, fmt.Errorf("business.adjustments_file %s: %w", path, err)
		}
		maps.Copy(cc.Adjustments, years)
	}
	cal, err := triage.NewCalendar(cc)
	if err != nil {
		return nil, fmt.Errorf("business calendar: %w", err)
	}
	return cal, nil
}

// CalendarNotice says which year's adjustments (调休) the calendar lacks at now, for
// operators (the log, /readyz); "" when none is missing.
func CalendarNotice(cal *triage.Calendar, now time.Time) string {
	year := cal.MissingAdjustments(now)
	if year == 0 {
		return ""
	}
	return fmt.Sprintf("the State Council's %d holiday adjustments (调休) are missing: %d counts only weekends and the statutory holidays; add them to business.adjustments_file", year, year)
}

// queuedBackend is the bot's backend: tickets and the rest from effects, the queue of
// chats waiting for a person from livechat.
type queuedBackend struct {
	*effects.Backend
	*livechat.Queue
}

// waitingChats shows the console the chats waiting for a person with no ticket.
type waitingChats struct {
	chat  *livechat.Chat
	queue *livechat.Queue
}

func (w waitingChats) Waiting(ctx context.Context) ([]handlers.WaitingChat, error) {
	chats, err := w.queue.Waiting(ctx)
	out := make([]handlers.WaitingChat, len(chats))
	for i, c := range chats {
		out[i] = handlers.WaitingChat{OpenID: c.OpenID, Since: c.Since, Case: c.Case}
	}
	return out, err
}

func (w waitingChats) Takeover(ctx context.Context, openID string, by staff.User) (string, error) {
	number, _, err := w.chat.TakeoverWaiting(ctx, w.queue, openID, by)
	return number, err
}

// redisProtocol is RESP2. The service uses nothing of RESP3 (no client-side caching, no
// maintenance notifications), and with RESP3 go-redis looks for pending push notifications
// before every command it reads a reply to: 2.2 % of the service's CPU under load
// (BENCHMARKS.md, "CPU per turn").
const redisProtocol = 2
