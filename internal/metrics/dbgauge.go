package metrics

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// DBGauge is a gauge read from the database when scraped, at most once per TTL: every
// scrape within the TTL of the last read answers the value read then, so frequent or
// concurrent scrapes cost one query. A failed read does not fail the scrape: the gauge
// keeps its last value (none before the first success), logs the failure once until a read
// succeeds again, and waits the TTL before the next try.
//
// It exports nothing until Source gives it a count, so a Metrics without a database (in
// handler tests) exports no made-up zero.
type DBGauge struct {
	name string
	desc *prometheus.Desc
	// TTL is how long a read (or a failed one) is kept; Timeout bounds one read.
	TTL, Timeout time.Duration
	// Now is the clock, time.Now unless a test sets it.
	Now func() time.Time

	mu      sync.Mutex // held during a read: concurrent scrapes wait for it, then share it
	count   func(ctx context.Context) (int, error)
	log     *slog.Logger
	value   float64
	valid   bool      // value was read at least once
	read    time.Time // when the last read was tried
	tried   bool      // a read was tried
	failing bool      // the last read failed (and was logged)
}

// Default caching of a DBGauge.
const (
	DefaultDBGaugeTTL     = 30 * time.Second
	DefaultDBGaugeTimeout = 5 * time.Second
)

// NewDBGauge returns a gauge named name, without a source yet.
func NewDBGauge(name, help string) *DBGauge {
	return &DBGauge{
		name: name, desc: prometheus.NewDesc(name, help, nil, nil),
		TTL: DefaultDBGaugeTTL, Timeout: DefaultDBGaugeTimeout, Now: time.Now,
	}
}

// Source sets the count the gauge reports and the logger its failures go to, and forgets
// any value read before.
func (g *DBGauge) Source(count func(ctx context.Context) (int, error), log *slog.Logger) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.count, g.log = count, log
	g.valid, g.tried, g.failing = false, false, false
}

// Describe implements prometheus.Collector.
func (g *DBGauge) Describe(ch chan<- *prometheus.Desc) { ch <- g.desc }

// Collect implements prometheus.Collector.
func (g *DBGauge) Collect(ch chan<- prometheus.Metric) {
	v, ok := g.Value()
	if ok {
		ch <- prometheus.MustNewConstMetric(g.desc, prometheus.GaugeValue, v)
	}
}

// Value returns the gauge's value, reading it first if the last read is older than the
// TTL; ok is false while no read has succeeded (or there is no source).
func (g *DBGauge) Value() (v float64, ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.count == nil {
		return 0, false
	}
	now := g.Now()
	if g.tried && now.Sub(g.read) < g.TTL && !now.Before(g.read) {
		return g.value, g.valid
	}
	g.tried, g.read = true, now
	ctx, cancel := context.WithTimeout(context.Background(), g.Timeout)
	defer cancel()
	n, err := g.count(ctx)
	switch {
	case err != nil:
		if !g.failing && g.log != nil {
			g.log.Error("metrics: cannot read gauge; keeping its last value", "metric", g.name, "err", err)
		}
		g.failing = true
	default:
		if g.failing && g.log != nil {
			g.log.Info("metrics: gauge read again", "metric", g.name)
		}
		g.failing = false
		g.value, g.valid = float64(n), true
	}
	return g.value, g.valid
}
