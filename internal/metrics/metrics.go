// Package metrics defines the service's Prometheus metrics on a registry of its own, so
// tests can start several services in one process and read each one's figures.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the service's counters, histograms and gauges.
type Metrics struct {
	Registry *prometheus.Registry

	// Requests counts webhook requests by outcome: replied, silent, async, duplicate, error,
	// verify, bad_signature, replay, malformed, too_large, bad_request, plaintext_refused
	// (safe mode), bad_openid, replay_check_failed (the nonce cache did not answer).
	Requests *prometheus.CounterVec
	// TurnSeconds is the time from a webhook request's arrival to its answer.
	TurnSeconds prometheus.Histogram
	// DedupeHits counts retries of messages already claimed.
	DedupeHits prometheus.Counter
	// SignatureFailures counts requests refused for a bad signature or msg_signature, or
	// (nonce_reused) a signed URL seen before with another plaintext body.
	SignatureFailures *prometheus.CounterVec
	// OutboundErrors counts failed WeChat API calls by API and errcode.
	OutboundErrors *prometheus.CounterVec
	// OutboundCalls counts WeChat API calls by API.
	OutboundCalls *prometheus.CounterVec
	// TicketsBreached is the number of open tickets whose first-response deadline has
	// passed, read from the database (at most every 30 s) once the service gives it a
	// Source. It is database-wide: every instance reports the same number.
	TicketsBreached *DBGauge
}

// New registers the metrics on a fresh registry, with Go runtime and process collectors.
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry: r,
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intake_webhook_requests_total", Help: "Webhook requests by outcome.",
		}, []string{"outcome"}),
		TurnSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "intake_turn_seconds",
			Help:    "Time from a webhook request's arrival to its answer.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 4, 5},
		}),
		DedupeHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "intake_dedupe_hits_total", Help: "Retries of messages already claimed.",
		}),
		SignatureFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intake_signature_failures_total", Help: "Requests refused for a bad signature, by kind.",
		}, []string{"kind"}),
		OutboundErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intake_wechat_api_errors_total", Help: "Failed WeChat API calls by API and errcode.",
		}, []string{"api", "code"}),
		OutboundCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intake_wechat_api_calls_total", Help: "WeChat API calls by API.",
		}, []string{"api"}),
		TicketsBreached: NewDBGauge("intake_tickets_breached",
			"Open tickets whose first-response deadline has passed (database-wide: the same on every instance)."),
	}
	r.MustRegister(m.Requests, m.TurnSeconds, m.DedupeHits, m.SignatureFailures, m.OutboundErrors, m.OutboundCalls,
		m.TicketsBreached,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
