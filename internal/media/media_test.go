package media_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxfake"
)

// fetcher serves files by media id, failing the first fails calls.
type fetcher struct {
	mu    sync.Mutex
	files map[string][]byte
	fails int
	calls int
}

func (f *fetcher) Media(_ context.Context, id string, max int64) (string, []byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.fails > 0 {
		f.fails--
		return "", nil, errors.New("wechat: 502")
	}
	b, ok := f.files[id]
	if !ok {
		return "", nil, errors.New("errcode=40007")
	}
	if int64(len(b)) > max {
		return "", nil, errors.New("too large")
	}
	return "image/jpeg", b, nil // the header is not trusted: the bytes are sniffed
}

// Downloads keep raster images only, sniffed from the bytes; a failing API is tried
// again; a stored file is not fetched twice.
func TestDownload(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		store := media.NewStore(db)
		gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
		f := &fetcher{files: map[string][]byte{
			"png": wxfake.PNG, "gif": gif,
			"svg":  []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
			"html": []byte(`<html><script>alert(1)</script></html>`),
		}}
		d := media.NewDownloader(store, f, slog.New(slog.DiscardHandler))
		d.Backoff = time.Millisecond
		ctx := context.Background()
		for _, tc := range []struct {
			id, ctype string
			fails     int
			ok        bool
		}{
			{"png", "image/png", 0, true},
			{"gif", "image/gif", 2, true}, // two failures, then the third attempt
			{"svg", "", 0, false},
			{"html", "", 0, false},
			{"gone", "", 0, false},
			{"flaky", "", 3, false}, // every attempt fails
		} {
			f.fails = tc.fails
			err := d.Download(ctx, tc.id)
			file, gerr := store.Get(ctx, tc.id)
			if tc.ok != (err == nil) || tc.ok != (gerr == nil) {
				t.Errorf("%s: download %v, get %v", tc.id, err, gerr)
				continue
			}
			if tc.ok && (file.ContentType != tc.ctype || len(file.Bytes) != len(f.files[tc.id])) {
				t.Errorf("%s: stored %s, %d bytes", tc.id, file.ContentType, len(file.Bytes))
			}
			if !tc.ok && !errors.Is(gerr, media.ErrNotFound) {
				t.Errorf("%s: get %v; want ErrNotFound", tc.id, gerr)
			}
		}
		before := f.calls
		if err := d.Download(ctx, "png"); err != nil || f.calls != before {
			t.Errorf("a stored file was fetched again (%v, %d calls)", err, f.calls-before)
		}
		have, err := store.Have(ctx, []string{"png", "gif", "svg", "nothing"})
		if err != nil || len(have) != 2 || !have["png"] || !have["gif"] {
			t.Errorf("have %v %v", have, err)
		}
	})
}

type turns struct{ n int }

func (t *turns) Handle(context.Context, bot.Inbound) bot.Result { t.n++; return bot.Result{} }

// Turns queues the photos of image messages after the turn, and nothing else; the queue
// never blocks a turn.
func TestTurnsQueuePhotos(t *testing.T) {
	db := testenv.SQLite(t)
	migrationstest.Migrate(t, db)
	f := &fetcher{files: map[string][]byte{"p1": wxfake.PNG}}
	d := media.NewDownloader(media.NewStore(db), f, slog.New(slog.DiscardHandler))
	next := &turns{}
	h := media.Turns{Next: next, Downloader: d}
	ctx := context.Background()
	h.Handle(ctx, bot.Inbound{Kind: bot.KindText, Text: "你好"})
	h.Handle(ctx, bot.Inbound{Kind: bot.KindImage, MediaID: "p1"})
	for range 1000 { // far more than the queue holds, with no worker: must not block
		h.Handle(ctx, bot.Inbound{Kind: bot.KindImage, MediaID: "flood"})
	}
	if next.n != 1002 {
		t.Fatalf("%d turns ran", next.n)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { d.Run(runCtx); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := d.Store.Get(ctx, "p1"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the queued photo was not stored")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}

// The cost Turns adds to every turn that carries no photo, and to one that does.
func BenchmarkTurns(b *testing.B) {
	d := media.NewDownloader(nil, &fetcher{}, slog.New(slog.DiscardHandler))
	h := media.Turns{Next: &turns{}, Downloader: d}
	ctx := context.Background()
	text := bot.Inbound{Kind: bot.KindText, Text: "冰箱漏水"}
	photo := bot.Inbound{Kind: bot.KindImage, MediaID: "m"}
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			h.Handle(ctx, text)
		}
	})
	b.Run("photo", func(b *testing.B) { // the queue is full after 256: a dropped id is logged
		for b.Loop() {
			h.Handle(ctx, photo)
		}
	})
}
