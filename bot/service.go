package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wxintake/intake/catalog"
)

// Pusher sends messages to a customer outside the passive reply: WeChat's customer-service
// messages, used when a turn misses the passive deadline or has more to say than one reply.
type Pusher interface {
	// Push sends texts to the customer in order.
	Push(ctx context.Context, openID string, texts []string) error
}

// Backend carries out the effects that reach outside the conversation: tickets, rule
// statistics, visit bookings. Its errors are logged and, where the customer is waiting for
// the outcome, turned into a polite "please try again".
type Backend interface {
	// OpenTicket opens (or, for a key seen before, returns) the case's ticket and the
	// triage decision the customer is promised.
	OpenTicket(ctx context.Context, openID string, e OpenTicket) (TicketOpened, error)
	// Tickets lists the customer's recent tickets, newest first.
	Tickets(ctx context.Context, openID string) ([]TicketSummary, error)
	// FindTicket returns the ticket numbered number if the phone on it ends in last4, else
	// none: a customer asking after a ticket filed elsewhere.
	FindTicket(ctx context.Context, number, last4 string) ([]TicketSummary, error)
	// RecordOutcome counts what became of a rule's self-service checks.
	RecordOutcome(ctx context.Context, e RecordOutcome) error
	// BookVisit records the visit window the customer chose.
	BookVisit(ctx context.Context, openID string, e BookVisit) error
	// AppendTranscript adds lines to a ticket's transcript.
	AppendTranscript(ctx context.Context, number string, lines []Line) error
	// RateTicket stores the follow-up rating or comment, once per ticket.
	RateTicket(ctx context.Context, openID string, e RateTicket) error
	// FlagComplaint marks the customer's open ticket a complaint risk (urgent, the
	// complaint group and target); a ticket flagged already, or closed, stays as it is.
	FlagComplaint(ctx context.Context, openID string, e FlagComplaint) error
}

// UnmatchedNoter is the optional part of a Backend that keeps NoteUnmatched messages
// (redacted, without the customer's OpenID) for editors.
type UnmatchedNoter interface {
	NoteUnmatched(ctx context.Context, e NoteUnmatched) error
}

// Outcome says how a turn ended, for metrics and logs.
type Outcome string

// Outcomes of Service.Handle.
const (
	OutcomeReplied   Outcome = "replied"   // answered in the HTTP reply
	OutcomeSilent    Outcome = "silent"    // nothing to say ("success")
	OutcomeAsync     Outcome = "async"     // missed the budget; the reply is pushed when ready
	OutcomeDuplicate Outcome = "duplicate" // a retry of a message already claimed
	OutcomeError     Outcome = "error"     // the turn failed; the customer is asked to resend
)

// Result is what the webhook answers WeChat with.
type Result struct {
	Reply   string // the passive reply; empty means answer "success"
	Outcome Outcome
}

// Options tune a Service.
type Options struct {
	// Budget is how long Handle waits for a turn before answering "success" and leaving the
	// turn to finish in the background (WeChat gives up after 5 s).
	Budget time.Duration
	// TurnTimeout bounds a turn in the background, lock waits included.
	TurnTimeout time.Duration
	// LockTTL is how long the sessions' locks live without renewal: a running turn renews
	// its lease every third of it, so a short lock costs a live turn nothing and a dead
	// instance's turn is forgotten soon — before WeChat's last retry. Zero: no renewal.
	LockTTL time.Duration
	// MaxReplyBytes is the size limit of one text message (WeChat refuses more than 2048).
	MaxReplyBytes int
}

// Service runs turns: for each inbound message it claims the message, takes the customer's
// lock, loads the conversation, steps it, saves it and answers — within the budget, or
// later through the Pusher.
type Service struct {
	sessions Sessions
	pusher   Pusher
	backend  Backend
	dialog   func() *Dialog // the current dialog: knowledge is swapped on publish
	log      *slog.Logger
	opts     Options

	wg sync.WaitGroup
}

// NewService returns a Service. dialog returns the dialog to use for a turn. A zero
// option takes its default.
func NewService(s Sessions, p Pusher, b Backend, dialog func() *Dialog, log *slog.Logger, o Options) *Service {
	if o.Budget <= 0 {
		o.Budget = 4 * time.Second
	}
	if o.TurnTimeout <= 0 {
		o.TurnTimeout = 20 * time.Second
	}
	if o.MaxReplyBytes <= 0 {
		o.MaxReplyBytes = 2048
	}
	return &Service{sessions: s, pusher: p, backend: b, dialog: dialog, log: log, opts: o}
}

// turn is one message's processing, shared between Handle, which waits for it up to the
// budget, and the goroutine that runs it. Exactly one of them delivers the replies: the
// goroutine claims passive delivery before committing unless Handle gave up first.
type turn struct {
	mu        sync.Mutex
	claimed   bool // the goroutine will hand the replies to Handle
	abandoned bool // Handle answered "success"; the goroutine pushes
	done      chan struct{}
	res       Result
}

// Handle processes one inbound message and returns what to answer WeChat with. It never
// waits longer than the budget (or ctx).
func (s *Service) Handle(ctx context.Context, in Inbound) Result {
	t := &turn{done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(t.done)
		tctx, cancel := context.WithTimeout(context.Background(), s.opts.TurnTimeout)
		defer cancel()
		t.res = s.run(tctx, in, t)
	}()

	timer := time.NewTimer(s.opts.Budget)
	defer timer.Stop()
	select {
	case <-t.done:
		return t.res
	case <-timer.C:
	case <-ctx.Done():
	}
	t.mu.Lock()
	if t.claimed {
		// The turn is committing with a passive reply: it is a round trip away.
		t.mu.Unlock()
		<-t.done
		return t.res
	}
	t.abandoned = true
	t.mu.Unlock()
	return Result{Outcome: OutcomeAsync}
}

// Close waits for turns still running in the background, or for ctx to end.
func (s *Service) Close(ctx context.Context) error {
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("bot: turns still running at shutdown: %w", ctx.Err())
	}
}

// run is the turn itself. It returns the passive result; when Handle has given up it
// delivers the replies through the Pusher instead.
func (s *Service) run(ctx context.Context, in Inbound, t *turn) Result {
	key := in.Key()
	lease, rec, err := s.begin(ctx, in.OpenID, key)
	if errors.Is(err, ErrDuplicate) {
		res, gone := s.duplicate(ctx, in.OpenID, key, rec)
		if !gone {
			return res
		}
		// The turn that claimed the message is gone (its instance died and the claim
		// expired, or it was aborted): this retry takes the message over.
		lease, rec, err = s.begin(ctx, in.OpenID, key)
	}
	switch {
	case errors.Is(err, ErrDuplicate):
		res, _ := s.duplicate(ctx, in.OpenID, key, rec)
		return res
	case err != nil:
		s.log.Error("turn: begin failed", "openid", MaskOpenID(in.OpenID), "err", err)
		return Result{Reply: catalog.T("bot.error"), Outcome: OutcomeError}
	}

	defer s.keepLease(ctx, lease)()

	conv, replies, err := s.safeStep(ctx, lease.Conv, in)
	if err != nil {
		s.log.Error("turn: step failed", "openid", MaskOpenID(in.OpenID), "err", err)
		_ = s.sessions.Abort(ctx, lease)
		return Result{Reply: catalog.T("bot.error"), Outcome: OutcomeError}
	}
	chunks := SplitReply(strings.Join(replies, "\n\n"), s.opts.MaxReplyBytes)

	t.mu.Lock()
	passive := !t.abandoned
	t.claimed = passive
	t.mu.Unlock()

	rec = Record{Delivery: DeliveryPushed}
	if passive && len(chunks) > 0 {
		rec = Record{Delivery: DeliveryPassive, Replies: chunks[:1]}
	}
	lines := transcriptLines(in, replies)
	if err := s.sessions.Commit(ctx, lease, conv, rec, lines, windowOf(in)); err != nil {
		s.log.Error("turn: commit failed", "openid", MaskOpenID(in.OpenID), "err", err)
		return Result{Reply: catalog.T("bot.error"), Outcome: OutcomeError}
	}
	s.recordTranscript(ctx, lease.Conv.Ticket, conv, lines)

	toPush := chunks
	res := Result{Outcome: OutcomeSilent}
	if passive && len(chunks) > 0 {
		res = Result{Reply: chunks[0], Outcome: OutcomeReplied}
		toPush = chunks[1:]
	}
	s.push(ctx, in.OpenID, toPush)
	if !passive {
		res.Outcome = OutcomeAsync
	}
	return res
}

// keepLease renews lease every third of the lock's time to live until the returned stop
// is called. Most turns end long before the first renewal.
func (s *Service) keepLease(ctx context.Context, lease *Lease) (stop func()) {
	if s.opts.LockTTL <= 0 {
		return func() {}
	}
	every := s.opts.LockTTL / 3
	var (
		mu      sync.Mutex
		stopped bool
		timer   *time.Timer
	)
	mu.Lock()
	defer mu.Unlock()
	timer = time.AfterFunc(every, func() {
		if err := s.sessions.Renew(ctx, lease); err != nil {
			if !errors.Is(err, ErrLockLost) {
				s.log.Warn("turn: renewing the lease failed", "openid", MaskOpenID(lease.OpenID), "err", err)
			}
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			timer.Reset(every)
		}
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		timer.Stop()
	}
}

// begin claims the message, waiting for the customer's lock while another turn holds it.
func (s *Service) begin(ctx context.Context, openID, key string) (*Lease, Record, error) {
	wait := 5 * time.Millisecond
	for {
		lease, rec, err := s.sessions.Begin(ctx, openID, key)
		if !errors.Is(err, ErrBusy) {
			return lease, rec, err
		}
		select {
		case <-ctx.Done():
			return nil, Record{}, fmt.Errorf("waiting for the customer's lock: %w", ctx.Err())
		case <-time.After(wait + rand.N(wait)):
		}
		wait = min(wait*2, 100*time.Millisecond)
	}
}

// duplicate answers a retry the way the first attempt answered: the same passive reply,
// or "success" when the replies were pushed. While the first attempt is still running it
// waits for it; gone reports that the first attempt's claim vanished meanwhile (a dead
// turn's expired, or an aborted one's), so the message is for the taking. The wait
// outlasts an unrenewed lease: the retry may be WeChat's last, so when the first attempt
// died, this one must see its claim expire — if after the budget, Handle has answered
// "success" and the reply is pushed.
func (s *Service) duplicate(ctx context.Context, openID, key string, rec Record) (_ Result, gone bool) {
	deadline := time.Now().Add(max(s.opts.Budget, s.opts.LockTTL+500*time.Millisecond))
	for rec.Delivery == DeliveryPending && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return Result{Outcome: OutcomeDuplicate}, false
		case <-time.After(25 * time.Millisecond):
		}
		r, ok, err := s.sessions.Outcome(ctx, openID, key)
		if err != nil {
			break
		}
		if !ok {
			return Result{}, true
		}
		rec = r
	}
	if rec.Delivery == DeliveryPassive && len(rec.Replies) > 0 {
		return Result{Reply: rec.Replies[0], Outcome: OutcomeDuplicate}, false
	}
	return Result{Outcome: OutcomeDuplicate}, false
}

// safeStep runs the dialog's Step and carries out its effects, feeding the outcome of
// each effect that has one back into Step. A panic becomes an error, so one bad message
// cannot take the service down or leave the customer's lock held.
func (s *Service) safeStep(ctx context.Context, c Conversation, in Inbound) (_ Conversation, replies []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("step panicked: %v", r)
		}
	}()
	d := s.dialog()
	c, effects := d.Step(c, in)
	const maxEffects = 32 // a dialog bug must not loop forever
	for i := 0; i < len(effects) && i < maxEffects; i++ {
		var res *EffectResult
		switch e := effects[i].(type) {
		case Reply:
			replies = append(replies, e.Text)
		case OpenTicket:
			opened, err := s.backend.OpenTicket(ctx, in.OpenID, e)
			res = &EffectResult{Opened: &opened}
			if err != nil {
				s.log.Error("turn: opening the ticket failed", "openid", MaskOpenID(in.OpenID), "err", err)
				res = &EffectResult{Failed: true}
			}
		case ListTickets:
			tickets, err := s.backend.Tickets(ctx, in.OpenID)
			res = &EffectResult{Listed: true, Intro: e.Intro, Tickets: tickets}
			if err != nil {
				s.log.Error("turn: listing tickets failed", "openid", MaskOpenID(in.OpenID), "err", err)
				res = &EffectResult{Listed: true, Intro: e.Intro, Failed: true}
			}
		case FindTicket:
			tickets, err := s.backend.FindTicket(ctx, e.Number, e.PhoneLast4)
			res = &EffectResult{Listed: true, Lookup: true, Tickets: tickets}
			if err != nil {
				s.log.Error("turn: looking a ticket up failed", "openid", MaskOpenID(in.OpenID), "err", err)
				res = &EffectResult{Listed: true, Lookup: true, Failed: true}
			}
		case RecordOutcome:
			if err := s.backend.RecordOutcome(ctx, e); err != nil {
				s.log.Warn("turn: recording a rule outcome failed", "rule", e.RuleID, "err", err)
			}
		case BookVisit:
			if err := s.backend.BookVisit(ctx, in.OpenID, e); err != nil {
				s.log.Error("turn: booking the visit failed", "ticket", e.Number, "err", err)
			}
		case RateTicket:
			if err := s.backend.RateTicket(ctx, in.OpenID, e); err != nil {
				s.log.Error("turn: saving the rating failed", "ticket", e.Number, "err", err)
			}
		case FlagComplaint:
			if err := s.backend.FlagComplaint(ctx, in.OpenID, e); err != nil {
				s.log.Error("turn: flagging the complaint failed", "ticket", e.Number, "err", err)
			}
		case FlagHazard:
			if f, ok := s.backend.(HazardFlagger); ok {
				if err := f.FlagHazard(ctx, in.OpenID, e); err != nil {
					s.log.Error("turn: raising the ticket for a hazard failed", "ticket", e.Number, "err", err)
				}
			}
		case UpdateContact:
			if u, ok := s.backend.(ContactUpdater); ok {
				if err := u.UpdateContact(ctx, in.OpenID, e); err != nil {
					s.log.Error("turn: writing the contact on the ticket failed", "ticket", e.Number, "err", err)
				}
			}
		case UpdateDetails:
			if u, ok := s.backend.(DetailsUpdater); ok {
				if err := u.UpdateDetails(ctx, in.OpenID, e); err != nil {
					s.log.Error("turn: writing the product details on the ticket failed", "ticket", e.Number, "err", err)
				}
			}
		case NoteUnmatched:
			if n, ok := s.backend.(UnmatchedNoter); ok {
				if err := n.NoteUnmatched(ctx, e); err != nil {
					s.log.Warn("turn: keeping an unmatched message failed", "err", err)
				}
			}
		case QueueChat:
			if q, ok := s.backend.(ChatQueue); ok {
				if err := q.QueueChat(ctx, in.OpenID, e); err != nil {
					s.log.Error("turn: queueing the chat for a person failed", "openid", MaskOpenID(in.OpenID), "err", err)
				}
			}
		case LeaveQueue:
			if q, ok := s.backend.(ChatQueue); ok {
				if err := q.LeaveQueue(ctx, in.OpenID); err != nil {
					s.log.Warn("turn: taking the chat out of the queue failed", "openid", MaskOpenID(in.OpenID), "err", err)
				}
			}
		}
		if res != nil {
			var more []Effect
			c, more = d.Step(c, Inbound{OpenID: in.OpenID, Kind: KindResult, At: in.At, Result: res})
			effects = append(effects[:i+1], append(more, effects[i+1:]...)...)
		}
	}
	return c, replies, nil
}

// push sends texts as customer-service messages, counting them against the customer's
// window quota.
func (s *Service) push(ctx context.Context, openID string, texts []string) {
	for _, t := range texts {
		if err := s.pusher.Push(ctx, openID, []string{t}); err != nil {
			s.log.Error("turn: push failed", "openid", MaskOpenID(openID), "err", err)
			return
		}
		if _, err := s.sessions.CountPush(ctx, openID); err != nil {
			s.log.Warn("turn: counting a push failed", "openid", MaskOpenID(openID), "err", err)
		}
	}
}

// recordTranscript copies the turn into the ticket's transcript: the whole recent
// conversation when this turn opened the ticket, the turn's lines afterwards.
func (s *Service) recordTranscript(ctx context.Context, before string, conv Conversation, lines []Line) {
	if conv.Ticket == "" || len(lines) == 0 {
		return
	}
	if conv.Ticket != before {
		all, err := s.sessions.Transcript(ctx, conv.OpenID)
		if err != nil {
			s.log.Warn("turn: reading the transcript failed", "ticket", conv.Ticket, "err", err)
		} else {
			lines = all
		}
	}
	if err := s.backend.AppendTranscript(ctx, conv.Ticket, lines); err != nil {
		s.log.Warn("turn: saving the transcript failed", "ticket", conv.Ticket, "err", err)
	}
}

// transcriptLines are the turn as the transcript shows it: what the customer sent, then
// what the bot answered.
func transcriptLines(in Inbound, replies []string) []Line {
	var text string
	switch in.Kind {
	case KindText:
		text = in.Text
	case KindVoice:
		text = catalog.T("bot.log.voice", "text", in.Text)
	case KindImage:
		text = catalog.T("bot.log.image", "media", in.MediaID)
	case KindPhoto:
		text = catalog.T("bot.log.photo_read", "what", photoLog(in.Photo))
	case KindLocation:
		text = catalog.T("bot.log.location", "label", in.Label)
	case KindEvent:
		text = catalog.T("bot.log.event", "event", in.Event, "key", in.EventKey)
	default:
		text = catalog.T("bot.log.unknown", "type", in.RawType)
	}
	lines := make([]Line, 0, 1+len(replies))
	first := Line{At: in.At, Role: RoleCustomer, Text: text}
	if in.Kind == KindImage {
		first.Media = in.MediaID
	}
	if in.Kind == KindPhoto {
		first.Role, first.Media = RoleSystem, in.MediaID
	}
	lines = append(lines, first)
	for _, r := range replies {
		lines = append(lines, Line{At: in.At, Role: RoleBot, Text: r})
	}
	return lines
}

// windowOf is the customer-service window a message opens.
func windowOf(in Inbound) *Window {
	switch in.Kind {
	case KindEvent:
		switch in.Event {
		case "subscribe", "CLICK", "SCAN", "click", "scan":
			return &Window{OpenedAt: in.At, Event: true}
		}
		return nil
	case KindResult, KindPhoto:
		return nil
	}
	return &Window{OpenedAt: in.At}
}

// ErrNotNow is returned by a Control function that cannot act in the conversation's
// current state; the caller may try again later.
var ErrNotNow = errors.New("bot: not now")

// Control changes a customer's conversation outside a turn — a staff takeover or hand-back,
// the follow-up survey — under the customer's lock, like a turn, recording lines in the
// transcript. fn gets the current dialog and conversation and returns the new one; an
// error from fn leaves the conversation unchanged and is returned.
func (s *Service) Control(ctx context.Context, openID string, lines []Line, fn func(d *Dialog, c Conversation) (Conversation, error)) error {
	key := "ctl:" + strconv.FormatInt(time.Now().UnixNano(), 36)
	lease, _, err := s.begin(ctx, openID, key)
	if err != nil {
		return err
	}
	conv, err := fn(s.dialog(), lease.Conv)
	if err != nil {
		_ = s.sessions.Abort(ctx, lease)
		return err
	}
	conv.OpenID = openID
	if err := s.sessions.Commit(ctx, lease, conv, Record{Delivery: DeliveryPushed}, lines, nil); err != nil {
		return err
	}
	if conv.Ticket != "" && len(lines) > 0 {
		if err := s.backend.AppendTranscript(ctx, conv.Ticket, lines); err != nil {
			s.log.Warn("control: saving the transcript failed", "ticket", conv.Ticket, "err", err)
		}
	}
	return nil
}

// Conversation returns a customer's conversation as it is now, without locking.
func (s *Service) Conversation(ctx context.Context, openID string) (Conversation, error) {
	c, _, err := s.sessions.Load(ctx, openID)
	return c, err
}

// Window returns the customer's customer-service message window.
func (s *Service) Window(ctx context.Context, openID string) (Window, error) {
	return s.sessions.Window(ctx, openID)
}

// CountPush records a customer-service message sent outside a turn.
func (s *Service) CountPush(ctx context.Context, openID string) (int, error) {
	return s.sessions.CountPush(ctx, openID)
}
