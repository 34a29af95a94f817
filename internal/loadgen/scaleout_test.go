package loadgen

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
)

// TestScaleOutThreeInstances runs conversations against three instances sharing MariaDB and
// Redis, every message sent to an instance picked at random: no turn is lost, every
// conversation ends in exactly one ticket, and every reply fits the conversation (the
// script checks each reply's stage).
func TestScaleOutThreeInstances(t *testing.T) {
	first := apptest.Start(t, apptest.Real, apptest.Options{})
	second := apptest.Start(t, apptest.Real, apptest.Options{Share: first})
	third := apptest.Start(t, apptest.Real, apptest.Options{Share: first})
	var urls []string
	for _, s := range []*apptest.Service{first, second, third} {
		urls = append(urls, s.URL()+s.Cfg.WeChat.Path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const customers, conversations = 6, 2
	rep, err := Run(ctx, Config{
		URLs:  urls,
		Token: apptest.Token, AESKey: apptest.AESKey, AppID: apptest.AppID,
		Script: Full, Customers: customers, Conversations: conversations,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() || rep.Errors != 0 || rep.EmptyReplies != 0 {
		t.Fatalf("errors %d %v, empty replies %d: %q", rep.Errors, rep.ErrorKinds, rep.EmptyReplies, rep.ErrorSamples)
	}
	if rep.Completed != customers*conversations || rep.Tickets != rep.Completed {
		t.Fatalf("%d tickets for %d conversations", rep.Tickets, rep.Completed)
	}
	for c := range customers {
		for k := 1; k <= conversations; k++ {
			openID := fmt.Sprintf("o%s_%d_%d", rep.RunID, c, k)
			list, err := first.Tickets.ListByOpenID(ctx, openID, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 {
				t.Errorf("%s has %d tickets, want exactly 1", openID, len(list))
			}
		}
	}
}
