package loadgen

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/knowledge/knowledgedb"
)

// TestScaleOutThreeInstances runs conversations against three instances sharing MariaDB and
// Redis, every message sent to an instance picked at random: no turn is lost, every
// conversation ends in exactly one ticket, and every reply fits the conversation (the
// script checks each reply's stage). Meanwhile an editor publishes a rule on the first
// instance: all three must serve it, under the load. The bound is a correctness deadline
// below the watchers' 5 s poll (so the announcement is what brought it); the 2 s target
// is a benchmark (knowledgedb's BenchmarkApplyRevision and BenchmarkCheckPublishable) and
// the time seen here is logged.
func TestScaleOutThreeInstances(t *testing.T) { scaleOut(t, apptest.Real) }

// TestScaleOutRedisCluster is TestScaleOutThreeInstances with the three instances on the
// three-master Redis Cluster of scripts/test.sh (redis.addr lists every node): turns,
// dedupe, locks and the publish announcement all run through go-redis's Cluster client.
func TestScaleOutRedisCluster(t *testing.T) { scaleOut(t, apptest.Cluster) }

func scaleOut(t *testing.T, backend apptest.Backend) {
	first := apptest.Start(t, backend, apptest.Options{})
	second := apptest.Start(t, backend, apptest.Options{Share: first})
	third := apptest.Start(t, backend, apptest.Options{Share: first})
	var urls []string
	for _, s := range []*apptest.Service{first, second, third} {
		urls = append(urls, s.URL()+s.Cfg.WeChat.Path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const customers, conversations = 6, 2
	published := make(chan error, 1)
	go func() { published <- publishUnderLoad(ctx, t, first, second, third) }()
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
	if err := <-published; err != nil {
		t.Error(err)
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

// scaleOutRule is the rule publishUnderLoad adds: a hazard no script sentence mentions.
const scaleOutRule = `id: safety-scaleout-smell
title: 测试：扩容演练异味
safety: true
advice: 请立即断电（扩容演练 QX7）。
triggers:
  keywords: [扩容演练异味]
unresolved:
  fault_class: hardware
  priority: urgent
  onsite: true
  price: {parts: [0, 0], labour: [0, 0]}
samples:
  - 机器有扩容演练异味
  - 闻到扩容演练异味
  - 一股扩容演练异味
`

// propagated bounds the publish (its gate included) and the three instances' loads: below
// knowledgedb.DefaultPollInterval, so a lost announcement fails the test.
const propagated = knowledgedb.DefaultPollInterval - 500*time.Millisecond

// publishUnderLoad waits a second into the run, publishes scaleOutRule on the first
// instance and returns an error unless every instance serves the new revision before
// the watchers' poll would have found it.
func publishUnderLoad(ctx context.Context, t *testing.T, instances ...*apptest.Service) error {
	select {
	case <-time.After(time.Second):
	case <-ctx.Done():
		return ctx.Err()
	}
	kb := instances[0].KB
	if _, err := kb.PutRule(ctx, "scaleout", "", []byte(scaleOutRule)); err != nil {
		return fmt.Errorf("draft the rule: %w", err)
	}
	start := time.Now()
	rev, err := kb.Publish(ctx, "scaleout", "扩容演练")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	want := fmt.Sprint(rev.Version)
	var took []time.Duration
	for i, s := range instances {
		for s.Knowledge().Set().Version != want {
			if time.Since(start) > propagated {
				return fmt.Errorf("instance %d still serves revision %s %v after the publish of %s",
					i+1, s.Knowledge().Set().Version, propagated, want)
			}
			time.Sleep(2 * time.Millisecond)
		}
		took = append(took, time.Since(start).Round(time.Millisecond))
		if s.Knowledge().Set().Rule("safety-scaleout-smell") == nil {
			return fmt.Errorf("instance %d serves revision %s without the rule", i+1, want)
		}
	}
	t.Logf("publish under load: revision %s served by the three instances after %v", want, took)
	return nil
}
