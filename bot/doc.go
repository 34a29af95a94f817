// Package bot is the conversation a customer has with the service.
//
// The model: a Conversation is plain data (a State, the slots filled so far, a little
// history) saved per customer between messages. Step is a pure function from a
// conversation and one Inbound message to the next conversation and a list of Effects (a
// reply to send, a ticket to open …); it reads no clock and performs no I/O, so every
// dialog can be replayed from a transcript.
//
// The Service wraps Step with what the real world needs: each message is claimed once
// (WeChat retries), one customer's messages are processed one at a time across instances,
// and a reply that is not ready within WeChat's deadline is pushed later instead. Storage
// is behind the Sessions interface (bot/botredis implements it on Redis); outbound
// messages behind Pusher. This package imports no database, Redis, HTTP framework or
// WeChat SDK.
package bot
