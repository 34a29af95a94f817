package media

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/wxintake/intake/bot"
)

// Allowed are the content types kept and served: raster images every browser shows, and
// none that can carry script (SVG is not among them).
var Allowed = []string{"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"}

// Fetcher downloads a media file from WeChat (wxapi.Client.Media).
type Fetcher interface {
	Media(ctx context.Context, mediaID string, max int64) (string, []byte, error)
}

// Downloader fetches the images customers send, in the background, and stores them.
type Downloader struct {
	Store   *Store
	Fetch   Fetcher
	Log     *slog.Logger
	Now     func() time.Time
	Timeout time.Duration // per attempt; 10 s when 0
	Backoff time.Duration // before the second attempt, twice that before the third; 1 s when 0

	queue chan string
}

// NewDownloader returns a downloader with room for queued ids.
func NewDownloader(s *Store, f Fetcher, log *slog.Logger) *Downloader {
	return &Downloader{Store: s, Fetch: f, Log: log, Now: time.Now, queue: make(chan string, queued)}
}

// queued is how many ids may wait for the worker; more are dropped (and logged): a burst
// of photos must never hold up the turns that enqueue them.
const queued = 256

// Enqueue asks for mediaID to be downloaded; it never blocks.
func (d *Downloader) Enqueue(mediaID string) {
	select {
	case d.queue <- mediaID:
	default:
		d.Log.Warn("media: download queue full, photo not kept", "media", mediaID)
	}
}

// Run downloads queued files until ctx ends.
func (d *Downloader) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case id := <-d.queue:
			if err := d.Download(ctx, id); err != nil && ctx.Err() == nil {
				d.Log.Warn("media: download failed", "media", id, "err", err)
			}
		}
	}
}

// attempts is how often a download is tried; WeChat's media API fails now and then.
const attempts = 3

// Download fetches mediaID unless it is stored already, and stores it.
func (d *Downloader) Download(ctx context.Context, mediaID string) error {
	if have, err := d.Store.Have(ctx, []string{mediaID}); err == nil && have[mediaID] {
		return nil
	}
	timeout, backoff := d.Timeout, d.Backoff
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	if backoff <= 0 {
		backoff = time.Second
	}
	var err error
	for i := range attempts {
		if i > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(i) * backoff):
			}
		}
		var body []byte
		actx, cancel := context.WithTimeout(ctx, timeout)
		_, body, err = d.Fetch.Media(actx, mediaID, MaxBytes)
		cancel()
		if err != nil {
			continue
		}
		ctype := http.DetectContentType(body)
		if !slices.Contains(Allowed, ctype) {
			return fmt.Errorf("media: %s is %s, not an image kept", mediaID, ctype)
		}
		return d.Store.Put(ctx, File{ID: mediaID, ContentType: ctype, Bytes: body, FetchedAt: d.Now()})
	}
	return err
}

// Turner runs one customer message through the bot (bot.Service, or another wrapper).
type Turner interface {
	Handle(ctx context.Context, in bot.Inbound) bot.Result
}

// Turns runs each turn through Next and then queues the photo it carried, if any, for
// download: the turn never waits for WeChat's media API.
type Turns struct {
	Next       Turner
	Downloader *Downloader
}

// Handle runs the turn: Turns is a Turner itself, so the web layer (handlers.TurnHandler)
// and other wrappers take it.
func (t Turns) Handle(ctx context.Context, in bot.Inbound) bot.Result {
	res := t.Next.Handle(ctx, in)
	if in.Kind == bot.KindImage && in.MediaID != "" {
		t.Downloader.Enqueue(in.MediaID)
	}
	return res
}
