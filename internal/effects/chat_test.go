package effects_test

import (
	"context"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
)

// embeddedChat starts the embedded service and returns it with a function that sends one
// customer's message, signed and encrypted in safe mode as WeChat sends it, and returns the
// text of the reply.
func embeddedChat(t *testing.T) (*apptest.Service, func(who, msg string) string) {
	t.Helper()
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	return s, func(who, msg string) string {
		t.Helper()
		r, err := c.Say(context.Background(), who, msg)
		if err != nil {
			t.Fatal(err)
		}
		return r.Text
	}
}
