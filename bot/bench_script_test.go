package bot

import (
	"fmt"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/loadgen"
)

// BenchmarkScriptTurn is the dialog's share of a turn under the load generator's full
// script (greeting, symptom, self-service, details, confirm, after-ticket) on the shipped
// knowledge: the understanding and Step of every message of five customers' conversations,
// with tickets opened by a stand-in backend. It reports the time per turn, the figure to
// set against the service's CPU per turn in BENCHMARKS.md.
func BenchmarkScriptTurn(b *testing.B) {
	d := NewDialog(shippedKB(b))
	convs := make([]loadgen.Conversation, 5)
	for n := range convs {
		convs[n] = loadgen.Full.Build(fmt.Sprintf("o_bench_%d", n), n)
	}
	turns := 0
	run := func() {
		now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
		for n, c := range convs {
			var conv Conversation
			for _, text := range c.Turns {
				now = now.Add(20 * time.Second)
				var effects []Effect
				conv, effects = d.Step(conv, Inbound{OpenID: c.OpenID, Kind: KindText, Text: text, At: now})
				turns++
				for _, e := range effects {
					if _, ok := e.(OpenTicket); ok {
						res := &EffectResult{Opened: &TicketOpened{Number: fmt.Sprintf("RS20261204-%04d", n+1)}}
						conv, _ = d.Step(conv, Inbound{OpenID: c.OpenID, Kind: KindResult, At: now, Result: res})
					}
				}
			}
			if len(conv.Tickets) == 0 {
				b.Fatalf("conversation %d filed no ticket (state %s)", n, conv.State)
			}
		}
	}
	run() // the models decode on first use
	turns = 0
	b.ResetTimer()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(turns), "µs/turn")
}
