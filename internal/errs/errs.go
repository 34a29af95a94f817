// Package errs is the one error vocabulary of the use cases. An *Error has a Kind — what
// went wrong, in words every adapter understands (not found, conflict, invalid,
// forbidden, unavailable…) — a stable English Code for programs, and the catalog key of
// the sentence staff read. Domain packages, stores and services return them; matching is
// by kind (KindOf) or by identity of a sentinel (errors.Is). Only the web layer turns a
// Kind into an HTTP status, in one table (handlers/api_errors.go); the CLI prints the error.
//
// The model is upspin's errors.E(op, kind, err) and wtf's Error{Code, Message}.
package errs

import (
	"errors"
	"time"

	"github.com/wxintake/intake/catalog"
)

// Kind classifies an error by what the caller can do about it.
type Kind uint8

// The kinds. Other is anything unclassified: an internal failure.
const (
	Other           Kind = iota
	Invalid              // the request or one of its fields is wrong
	Unauthenticated      // no valid credentials
	Forbidden            // the actor may not do this
	NotFound             // the thing named does not exist
	Conflict             // the current state does not allow it (a rule, a lost race, someone else holds it)
	TooLarge             // the request is too large
	Unsupported          // the request's format is not one accepted
	Throttled            // too many attempts: wait
	Unavailable          // a dependency the use case needs is not there
	Unprocessable        // well-formed, but it cannot be carried out as it stands (a choice is missing)
)

var kindNames = [...]string{"other", "invalid", "unauthenticated", "forbidden", "not_found", "conflict",
	"too_large", "unsupported", "throttled", "unavailable", "unprocessable"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "other"
}

// Error is a refusal a person can act on.
type Error struct {
	Kind  Kind
	Code  string // stable, for programs: e.g. "ticket_not_found", "already_assigned"
	Key   string // catalog key of the sentence staff read
	Args  []any  // the catalog key's name/value pairs
	Field string // the request field at fault, if any
	Err   error  // the underlying cause, if any
	Text  string // what Error says, for logs and the command line; the code when empty
	// RetryAfter, for Throttled, is how long to wait before trying again.
	RetryAfter time.Duration
}

// E returns an error of kind k with code and the catalog sentence key (and its
// name/value pairs kv).
func E(k Kind, code, key string, kv ...any) *Error {
	return &Error{Kind: k, Code: code, Key: key, Args: kv}
}

// InvalidField returns an Invalid error naming the request field at fault.
func InvalidField(field, key string, kv ...any) *Error {
	return &Error{Kind: Invalid, Code: "invalid", Key: key, Args: kv, Field: field}
}

// Sentinel returns an error to match with errors.Is, e.g. a store's "not found"; text
// is what it says in logs ("triage: ticket not found").
func Sentinel(k Kind, code, key, text string) *Error {
	return &Error{Kind: k, Code: code, Key: key, Text: text}
}

// Error describes the refusal for logs: its text (or code), and its cause when it has one.
func (e *Error) Error() string {
	s := e.Text
	if s == "" {
		s = e.Code
	}
	if e.Err != nil {
		return s + ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message is the sentence staff read, in Simplified Chinese from the catalog.
func (e *Error) Message() string { return catalog.T(e.Key, e.Args...) }

// As returns the first *Error in err's chain, or nil.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// KindOf returns the kind of the first *Error in err's chain, Other when there is none.
func KindOf(err error) Kind {
	if e := As(err); e != nil {
		return e.Kind
	}
	return Other
}
