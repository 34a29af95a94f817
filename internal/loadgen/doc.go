// Package loadgen drives a WeChat webhook the way WeChat does under load: many customers at
// once, each sending one conversation's messages in order and waiting for every reply, as a
// person typing would. Every message carries a unique MsgId and is signed and AES-encrypted
// in safe mode by internal/wxpush, so the service pays for exactly what production pays.
//
// The model:
//
//   - A Script turns a conversation number into a Conversation: an OpenID and the texts the
//     customer types. The full script is the example dialog (greeting → symptom →
//     self-service → details → confirm → ticket) over a few categories, names, phone numbers
//     and addresses; the echo script sends the same texts to a handler that only echoes.
//   - Prepare turns conversations into ready requests (wxpush.Prepared) before the clock
//     starts: building, signing and encrypting are never part of what is measured. Each
//     request picks one of the webhook URLs at random, so several instances share each
//     customer's messages.
//   - Config.Think makes each customer pause after every reply, as a person reads and
//     types: a bounded, steady load for soak runs instead of a closed loop at full speed.
//   - Config.Rate makes the measured phase an open loop (openloop.go): messages start at a
//     fixed pace whatever the latency, each customer still waiting for its reply before the
//     next message, new customers joining when none is waiting; the report adds the offered,
//     started and achieved rates and the starts the generator itself made late.
//   - Run prepares and runs a warm-up phase, then prepares and runs the measured phase, and
//     returns a Report: throughput, latency percentiles, errors, empty replies and tickets.
//
// WeChat's timestamp must be within five minutes of the server's clock, so every phase is
// prepared with the current time just before it starts and must finish within five minutes
// (Run refuses a longer duration and warns when a phase ran past it).
package loadgen
