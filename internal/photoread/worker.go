package photoread

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/media"
)

// Feeder runs a message into a customer's conversation outside the webhook
// (bot.Service.Feed).
type Feeder interface {
	Feed(ctx context.Context, in bot.Inbound) bot.Result
}

// Worker downloads the photos customers send, reads them and feeds what they showed into
// the conversation. Jobs live in memory on the instance whose turn received the photo;
// one lost to a restart leaves the photo unread but still attached (the console's media
// download of issue 6 fetches it on demand).
type Worker struct {
	Reader     *Reader
	Downloader *media.Downloader
	Feed       Feeder
	Log        *slog.Logger
	Now        func() time.Time
	// ReadTimeout bounds one photo's reading, a wait for an OCR slot included (30 s
	// when 0); Workers is how many photos are handled at once (4 when 0).
	ReadTimeout time.Duration
	Workers     int

	queue chan job
}

type job struct{ openID, media string }

// NewWorker returns a worker with room for queued photos.
func NewWorker(r *Reader, d *media.Downloader, f Feeder, log *slog.Logger) *Worker {
	return &Worker{Reader: r, Downloader: d, Feed: f, Log: log, Now: time.Now, queue: make(chan job, queued)}
}

// queued is how many photos may wait; more are not read (and logged), never blocking a
// turn.
const queued = 256

// Enqueue asks for a customer's photo to be read; it never blocks.
func (w *Worker) Enqueue(openID, mediaID string) {
	select {
	case w.queue <- job{openID, mediaID}:
	default:
		w.Log.Warn("photoread: queue full, photo not read", "openid", bot.MaskOpenID(openID), "media", mediaID)
	}
}

// Run handles queued photos until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	n := w.Workers
	if n <= 0 {
		n = 4
	}
	done := make(chan struct{})
	for range n {
		go func() {
			defer func() { done <- struct{}{} }()
			for {
				select {
				case <-ctx.Done():
					return
				case j := <-w.queue:
					if err := w.Process(ctx, j.openID, j.media); err != nil && ctx.Err() == nil {
						w.Log.Warn("photoread: photo not read", "media", j.media, "err", err)
					}
				}
			}
		}()
	}
	for range n {
		<-done
	}
}

// Process downloads (unless stored) and reads one photo, and feeds the reading to the
// customer's conversation. A photo that cannot be downloaded is not fed: it stays
// attached, and the customer is not told about a reading that never happened.
func (w *Worker) Process(ctx context.Context, openID, mediaID string) error {
	if err := w.Downloader.Download(ctx, mediaID); err != nil {
		return err
	}
	f, err := w.Downloader.Store.Get(ctx, mediaID)
	if err != nil {
		return err
	}
	timeout := w.ReadTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	rctx, cancel := context.WithTimeout(ctx, timeout)
	start := time.Now()
	text, err := w.Reader.Read(rctx, f.Bytes)
	cancel()
	switch {
	case err == nil:
	case errors.Is(err, ErrTooLarge) || errors.Is(err, ErrUnreadable):
		text = bot.PhotoText{Failed: true}
		w.Log.Info("photoread: photo unreadable", "media", mediaID, "err", err)
	default: // OCR failed or timed out: what the codes said still counts
		w.Log.Warn("photoread: OCR failed", "media", mediaID, "err", err)
	}
	w.Log.Debug("photoread: read", "media", mediaID, "codes", len(text.Codes), "lines", len(text.Lines), "took", time.Since(start))
	res := w.Feed.Feed(ctx, bot.Inbound{OpenID: openID, Kind: bot.KindPhoto, MediaID: mediaID, At: w.Now(), Photo: &text})
	if res.Outcome == bot.OutcomeError {
		return fmt.Errorf("photoread: feeding the reading failed")
	}
	return nil
}

// Turner runs one customer message through the bot (bot.Service, or another wrapper).
type Turner interface {
	Handle(ctx context.Context, in bot.Inbound) bot.Result
}

// Turns runs each turn through Next and then queues the photo it carried, if any, for
// download and reading: the turn never waits for either. It replaces media.Turns where
// photos are read.
type Turns struct {
	Next   Turner
	Worker *Worker
}

// Handle runs the turn: Turns is a Turner itself, so the web layer (handlers.TurnHandler)
// and other wrappers take it.
func (t Turns) Handle(ctx context.Context, in bot.Inbound) bot.Result {
	res := t.Next.Handle(ctx, in)
	// A retry answered as a duplicate queues the photo again, so a photo whose first
	// instance died is still read; Feed's claim makes the reading count once.
	if in.Kind == bot.KindImage && in.MediaID != "" && res.Outcome != bot.OutcomeError {
		t.Worker.Enqueue(in.OpenID, in.MediaID)
	}
	return res
}
