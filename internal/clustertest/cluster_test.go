package clustertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/livechat"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffredis"
)

var ticketNumber = regexp.MustCompile(`RS\d{8}-\d{4,}`)

// instances starts n services of one deployment on MariaDB and the Redis Cluster, and
// checks that their Redis client really is a Cluster client.
func instances(t *testing.T, n int) []*apptest.Service {
	t.Helper()
	first := apptest.Start(t, apptest.Cluster, apptest.Options{})
	if _, ok := first.Redis.(*redis.ClusterClient); !ok {
		t.Fatalf("redis.addr %q made a %T, want a *redis.ClusterClient", first.Cfg.Redis.Addr, first.Redis)
	}
	out := []*apptest.Service{first}
	for len(out) < n {
		out = append(out, apptest.Start(t, apptest.Cluster, apptest.Options{Share: first}))
	}
	return out
}

// clientFor returns a WeChat-side client of s.
func clientFor(s *apptest.Service) *wxpush.Client { return s.Client(wxpush.Safe) }

// say sends text from openID to s and fails the test unless it gets a text reply.
func say(t *testing.T, s *apptest.Service, openID, text string) string {
	t.Helper()
	r, err := clientFor(s).Say(context.Background(), openID, text)
	if err != nil || r.Status != http.StatusOK || r.Text == "" {
		t.Fatalf("%q: reply %+v, %v", text, r, err)
	}
	return r.Text
}

// turns is how many turns openID's conversation has made, read as the bot stores it.
func turns(t *testing.T, s *apptest.Service, openID string) int {
	t.Helper()
	c, ok, err := s.Sessions.Load(context.Background(), openID)
	if err != nil || !ok {
		t.Fatalf("load the conversation of %s: found %v, %v", openID, ok, err)
	}
	return c.Turns
}

// mastersHolding counts the cluster's masters holding at least one key under prefix.
func mastersHolding(t *testing.T, rdb redis.UniversalClient, prefix string) int {
	t.Helper()
	var mu sync.Mutex
	n := 0
	err := rdb.(*redis.ClusterClient).ForEachMaster(context.Background(), func(ctx context.Context, node *redis.Client) error {
		keys, _, err := node.Scan(ctx, 0, prefix+"*", 1000).Result()
		if err == nil && len(keys) > 0 {
			mu.Lock()
			n++
			mu.Unlock()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Conversations of several customers, each message sent to one of three instances in
// turn, make every turn (the Begin and Commit scripts touch five keys of a customer, in
// the customer's slot), and the customers' keys spread over the masters.
func TestTurnsOnTheCluster(t *testing.T) {
	svcs := instances(t, 3)
	ctx := context.Background()
	msgs := []string{"你好", "空调不制冷", "2", "没解决"}
	var wg sync.WaitGroup
	const customers = 8
	for c := range customers {
		wg.Go(func() {
			openID := fmt.Sprintf("o_cluster_turns_%d", c)
			for i, m := range msgs {
				s := svcs[(c+i)%len(svcs)]
				r, err := clientFor(s).Say(ctx, openID, m)
				if err != nil || r.Status != http.StatusOK || r.Text == "" {
					t.Errorf("%s, message %d on instance %d: %+v %v", openID, i, (c+i)%len(svcs)+1, r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	for c := range customers {
		openID := fmt.Sprintf("o_cluster_turns_%d", c)
		if got := turns(t, svcs[0], openID); got != len(msgs) {
			t.Errorf("%s made %d turns, want %d", openID, got, len(msgs))
		}
		lines, err := svcs[1].Sessions.Transcript(ctx, openID)
		if err != nil || len(lines) < 2*len(msgs) {
			t.Errorf("%s: %d transcript lines, %v", openID, len(lines), err)
		}
	}
	if n := mastersHolding(t, svcs[0].Redis, svcs[0].Cfg.Redis.KeyPrefix); n < 2 {
		t.Errorf("the test's keys are on %d master(s): the cluster was not exercised", n)
	}
}

// WeChat retries a message it got no answer for, and the copies may reach different
// instances at once: six copies over three instances make one turn and get one answer,
// and a late copy gets the same answer again.
func TestRetriesAcrossInstancesMakeOneTurn(t *testing.T) {
	svcs := instances(t, 3)
	ctx := context.Background()
	const who = "o_cluster_retry"
	say(t, svcs[0], who, "你好")
	c := clientFor(svcs[0])
	p, err := c.Prepare(who, c.XML(who, &wxpush.Message{Type: "text", Content: "空调不制冷"}))
	if err != nil {
		t.Fatal(err)
	}
	replies := make([]wxpush.Reply, 6)
	var wg sync.WaitGroup
	for i := range replies {
		s := svcs[i%len(svcs)]
		q := p
		q.URL = strings.Replace(p.URL, svcs[0].URL(), s.URL(), 1)
		wg.Go(func() {
			r, err := clientFor(s).Post(ctx, q)
			if err != nil {
				t.Error(err)
			}
			replies[i] = r
		})
	}
	wg.Wait()
	if got := turns(t, svcs[1], who); got != 2 {
		t.Fatalf("turns = %d after 6 copies of one message, want 2", got)
	}
	for i, r := range replies {
		if r.Status != http.StatusOK || r.Text == "" || r.Text != replies[0].Text {
			t.Errorf("copy %d answered %+v, the first %q", i, r, replies[0].Text)
		}
	}
	late := p
	late.URL = strings.Replace(p.URL, svcs[0].URL(), svcs[2].URL(), 1)
	if r, _ := clientFor(svcs[2]).Post(ctx, late); r.Text != replies[0].Text {
		t.Errorf("a late copy answered %q, want %q", r.Text, replies[0].Text)
	}
	if got := turns(t, svcs[2], who); got != 2 {
		t.Errorf("turns = %d after the late copy, want 2", got)
	}
}

// Staff take a chat over on one instance: the bot goes quiet on the others too, the
// customer's words reach a live view subscribed on a third instance (PUBLISH from the
// Commit script, received through the cluster), and a hand-back makes the bot answer
// again everywhere.
func TestTakeoverAcrossInstances(t *testing.T) {
	svcs := instances(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const who = "o_cluster_takeover"
	say(t, svcs[0], who, "冰箱漏水")
	number := ticketNumber.FindString(say(t, svcs[1], who, "转人工"))
	if number == "" {
		t.Fatal("no ticket after asking for a person")
	}
	chat := &livechat.Chat{Bot: svcs[0].Bot, Tickets: svcs[0].Tickets, WeChat: svcs[0].WeChat, Now: time.Now}
	agent := staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}
	if _, err := chat.Takeover(ctx, number, agent); err != nil {
		t.Fatal(err)
	}
	live := svcs[2].Sessions.Subscribe(ctx)
	for _, s := range svcs[1:] {
		r, err := clientFor(s).Say(ctx, who, "师傅什么时候能来？")
		if err != nil || !r.Success {
			t.Fatalf("the bot answered during a takeover: %+v %v", r, err)
		}
	}
	// The takeover's own notice may come first; the customer's line must follow.
	for found := false; !found; {
		select {
		case ev, ok := <-live:
			if !ok {
				t.Fatal("the live subscription ended")
			}
			for _, ln := range ev.Lines {
				found = found || (ev.Ticket == number && strings.Contains(ln.Text, "师傅什么时候能来"))
			}
		case <-ctx.Done():
			t.Fatal("the customer's line never reached the live view on the third instance")
		}
	}
	if res, err := chat.Reply(ctx, number, agent, "明天上午上门，可以吗？"); err != nil || !res.Delivered {
		t.Fatalf("reply %+v %v", res, err)
	}
	if _, err := chat.Handback(ctx, number, agent); err != nil {
		t.Fatal(err)
	}
	r, err := clientFor(svcs[2]).Say(ctx, who, "空调漏水")
	if err != nil || r.Success || r.Text == "" {
		t.Fatalf("the bot stayed quiet after the hand-back: %+v %v", r, err)
	}
}

// A revision published on one instance reaches the others through the announcement on
// the cluster's pub/sub, before their poll would have found it.
func TestPublishReachesEveryInstance(t *testing.T) {
	svcs := instances(t, 3)
	ctx := context.Background()
	const rule = `id: safety-cluster-smell
title: 测试：集群演练异味
safety: true
advice: 请立即断电（集群演练 QC3）。
triggers:
  keywords: [集群演练异味]
unresolved:
  fault_class: hardware
  priority: urgent
  onsite: true
  price: {parts: [0, 0], labour: [0, 0]}
samples:
  - 机器有集群演练异味
  - 闻到集群演练异味
  - 一股集群演练异味
`
	if _, err := svcs[0].KB.PutRule(ctx, "cluster", "", []byte(rule)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rev, err := svcs[0].KB.Publish(ctx, "cluster", "集群演练")
	if err != nil {
		t.Fatal(err)
	}
	// A correctness bound below the watchers' poll: only the announcement can meet it.
	bound := knowledgedb.DefaultPollInterval - 500*time.Millisecond
	want := strconv.Itoa(rev.Version)
	for i, s := range svcs {
		for s.Knowledge().Set().Version != want {
			if time.Since(start) > bound {
				t.Fatalf("instance %d serves revision %s %v after the publish of %s", i+1, s.Knowledge().Set().Version, bound, want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	t.Logf("revision %s served by the three instances after %v", want, time.Since(start).Round(time.Millisecond))
	if r := say(t, svcs[2], "o_cluster_kb", "闻到集群演练异味"); !strings.Contains(r, "QC3") {
		t.Errorf("the third instance answered %q without the new rule's advice", r)
	}
}

// The login throttle on the cluster: a successful login resets the username-and-address
// counters (one DEL of three keys, in one slot), and twelve wrong passwords sent at once
// to two instances are counted before any is checked: the policy's five are evaluated,
// the other seven refused, and then the right password too.
func TestLoginThrottleAcrossInstances(t *testing.T) {
	svcs := instances(t, 2)
	ctx := context.Background()
	const user = "clusteragent"
	pw := "pw-" + user + "-secret"
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svcs[0].Staff.CreateUser(ctx, staff.User{Username: user, Role: staff.RoleAgent, CreatedAt: time.Now()}, h); err != nil {
		t.Fatal(err)
	}
	login := func(s *apptest.Service, password string) int {
		body, _ := json.Marshal(map[string]string{"username": user, "password": password})
		resp, err := http.Post(s.URL()+"/api/v1/login", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Error(err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i, s := range []*apptest.Service{svcs[0], svcs[1], svcs[0]} {
		want := http.StatusUnauthorized
		password := "guess-" + strconv.Itoa(i)
		if i == 2 {
			want, password = http.StatusOK, pw
		}
		if got := login(s, password); got != want {
			t.Fatalf("login %d answered %d, want %d", i+1, got, want)
		}
	}
	// The success reset the per-user-and-address counters (else the burst below would
	// see three evaluated guesses, not five) with one DEL of three keys: a 500 otherwise.

	const attempts = 12
	statuses := make([]int, attempts)
	begin := make(chan struct{})
	var wg sync.WaitGroup
	for i := range attempts {
		wg.Go(func() {
			<-begin
			statuses[i] = login(svcs[i%2], "guess-again-"+strconv.Itoa(i))
		})
	}
	close(begin)
	wg.Wait()
	count := map[int]int{}
	for _, st := range statuses {
		count[st]++
	}
	if limit := staff.DefaultLoginPolicy().MaxFailures; count[http.StatusUnauthorized] != limit || count[http.StatusTooManyRequests] != attempts-limit {
		t.Fatalf("%d concurrent wrong passwords on two instances answered %v; want %d evaluated (401), the rest 429", attempts, count, limit)
	}
	for _, s := range svcs {
		if got := login(s, pw); got != http.StatusTooManyRequests {
			t.Fatalf("the right password after the burst answered %d, want 429", got)
		}
	}
}

// The throttle's keys of one throttled key share a slot, so its script and its reset
// work on any cluster; a lockout made through one client holds for another. First, the
// cluster refuses a command over two slots, as the tests above rely on.
func TestThrottleKeysShareASlot(t *testing.T) {
	rdb, prefix := testenv.RedisCluster(t)
	other := redis.NewUniversalClient(&redis.UniversalOptions{Addrs: testenv.RedisClusterAddrs(t)})
	t.Cleanup(func() { _ = other.Close() })
	ctx := context.Background()
	k1 := prefix + "a"
	slot := rdb.ClusterKeySlot(ctx, k1).Val()
	k2 := ""
	for i := 0; k2 == ""; i++ {
		if k := prefix + "b" + strconv.Itoa(i); rdb.ClusterKeySlot(ctx, k).Val() != slot {
			k2 = k
		}
	}
	if err := rdb.Del(ctx, k1, k2).Err(); err == nil || !strings.Contains(err.Error(), "CROSSSLOT") {
		t.Fatalf("DEL over two slots answered %v, want CROSSSLOT: not a cluster?", err)
	}
	p := staff.DefaultLoginPolicy()
	a := staffredis.NewThrottle(rdb, prefix+"login:", p)
	b := staffredis.NewThrottle(other, prefix+"login:", p)
	key := staff.LoginKey("agent9", "2001:db8::7")
	for i := range p.MaxFailures {
		th := a
		if i%2 == 1 {
			th = b
		}
		if wait, _, err := th.Attempt(ctx, key); err != nil || wait != 0 {
			t.Fatalf("attempt %d: wait %v, %v", i+1, wait, err)
		}
	}
	if wait, _, err := b.Attempt(ctx, key); err != nil || wait <= 0 {
		t.Fatalf("after %d failures on two clients: wait %v, %v; want locked", p.MaxFailures, wait, err)
	}
	if err := b.Reset(ctx, key); err != nil {
		t.Fatalf("reset (one DEL of three keys): %v", err)
	}
	if d, err := a.Locked(ctx, key); err != nil || d != 0 {
		t.Fatalf("locked %v after the reset, %v", d, err)
	}
}
