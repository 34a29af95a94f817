package app

import (
	"context"
	"sync"
	"time"
)

// background runs the service's loops (statistics flush, notification outbox, …) from
// Start until Shutdown.
type background struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startBackground starts every loop, unless NoLoops.
func (a *App) startBackground() {
	if a.NoLoops {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.bg.cancel = cancel
	a.loop(ctx, func(ctx context.Context) { a.Stats.Run(ctx, time.Second) })
	for _, fn := range a.loops {
		a.loop(ctx, fn)
	}
}

// loop runs fn in the background until Shutdown.
func (a *App) loop(ctx context.Context, fn func(ctx context.Context)) {
	a.bg.wg.Add(1)
	go func() {
		defer a.bg.wg.Done()
		fn(ctx)
	}()
}

// stopBackground stops the loops and waits for them.
func (a *App) stopBackground() {
	if a.bg.cancel == nil {
		return
	}
	a.bg.cancel()
	a.bg.wg.Wait()
	a.bg.cancel = nil
}

// every runs fn now and then every interval until ctx ends.
func every(ctx context.Context, interval time.Duration, fn func(ctx context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		fn(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
