// Command loadgen measures a WeChat webhook under load: many customers at once, each
// sending a realistic conversation's messages in order and waiting for every reply, each
// message signed and AES-encrypted as WeChat sends it with a unique MsgId. Requests are
// prepared before the clock starts. It reports throughput, p50/p95/p99 latency, errors,
// empty replies and, for the full script, the conversations that reached a ticket.
//
// With --rate the measured phase is an open loop: messages start at that fixed pace for
// --duration whatever the latency (each customer still waits for its reply before typing
// the next message; new customers join when none is waiting), and it reports the offered,
// started and achieved rates, p50/p90/p99/max latency, errors, and the starts the generator
// made late (its own lag or the --max-inflight limit). The warm-up stays a closed loop of
// --customers.
//
//	loadgen --url http://127.0.0.1:8080/wechat --customers 32 --conversations 20 --script full
//	loadgen --url http://127.0.0.1:8081/wechat --script echo --duration 20s --warmup 2 --json
//	loadgen --url http://a:8080/wechat,http://b:8080/wechat …   (each request to one at random)
//	loadgen --url … --customers 16 --think 200ms --duration 4m    (bounded, steady load: scripts/soak.sh)
//	loadgen --url … --rate 300 --duration 20s --warmup 2          (open loop: 300 messages start every second)
//	loadgen --fake-api 127.0.0.1:9900                           (only serve a fake WeChat API)
//	loadgen --compare bare.json,full.json                         (the table of BENCHMARKS.md)
//
// With --fake-api it also serves a fake api.weixin.qq.com (tokens, customer-service
// messages) for the service under test to call; without --url it does only that, until
// interrupted.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/wxintake/intake/internal/loadgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errFailed):
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
}

var errFailed = errors.New("requests failed")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	urls := fs.String("url", "", "webhook URL, or several comma-separated: each request goes to one at random")
	token := fs.String("token", loadgen.TestToken, "WeChat Token")
	aes := fs.String("aes", loadgen.TestAESKey, "WeChat EncodingAESKey")
	appID := fs.String("appid", loadgen.TestAppID, "WeChat AppID")
	customers := fs.Int("customers", 32, "customers chatting at once")
	convs := fs.Int("conversations", 10, "measured conversations per customer")
	duration := fs.Duration("duration", 0, "measure for this long instead of --conversations (at most 4m30s)")
	warmup := fs.Int("warmup", 1, "conversations per customer before the clock starts")
	script := fs.String("script", "full", "full: the guided intake down to a ticket; echo: the same texts, each reply must echo them")
	timeout := fs.Duration("timeout", 10*time.Second, "per-request timeout")
	think := fs.Duration("think", 0, "each customer's pause after a reply before the next message (bounded load; 0: none)")
	rate := fs.Float64("rate", 0, "open loop: messages started per second for --duration, whatever the latency (0: closed loop of --customers)")
	maxInFlight := fs.Int("max-inflight", loadgen.DefaultMaxInFlight, "with --rate: requests in flight at most; a start beyond waits and counts as late")
	seed := fs.Uint64("seed", 0, "seed for spreading requests over URLs (0: random)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	out := fs.String("out", "", "also write the report as JSON to this file")
	failOnError := fs.Bool("fail-on-error", false, "exit 1 when any request failed or got an empty reply")
	fakeAPI := fs.String("fake-api", "", "also serve a fake WeChat API on this loopback address")
	compare := fs.String("compare", "", "BARE.json,FULL.json: print the two reports as a table with the throughput ratio against issue 7's goal, and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loadgen --url URL[,URL…] [flags]\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}

	if *compare != "" {
		return runCompare(*compare, stdout)
	}
	if *fakeAPI != "" {
		l, err := net.Listen("tcp", *fakeAPI)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: &loadgen.FakeAPI{}, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.Serve(l) }()
		defer srv.Close()
		fmt.Fprintf(stderr, "fake WeChat API on http://%s\n", l.Addr())
		if *urls == "" {
			<-ctx.Done()
			return nil
		}
	}

	s, err := loadgen.ParseScript(*script)
	if err != nil {
		return err
	}
	var list []string
	for _, u := range strings.Split(*urls, ",") {
		if u = strings.TrimSpace(u); u != "" {
			list = append(list, u)
		}
	}
	rep, err := loadgen.Run(ctx, loadgen.Config{
		URLs: list, Token: *token, AESKey: *aes, AppID: *appID, Script: s,
		Customers: *customers, Conversations: *convs, Duration: *duration, Warmup: *warmup,
		Timeout: *timeout, Think: *think, Seed: *seed, Rate: *rate, MaxInFlight: *maxInFlight,
	})
	if err != nil {
		return err
	}
	if *out != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		rep.WriteText(stdout)
	}
	if *failOnError && rep.Failed() {
		return errFailed
	}
	return nil
}

func runCompare(arg string, stdout io.Writer) error {
	paths := strings.Split(arg, ",")
	if len(paths) != 2 {
		return fmt.Errorf("--compare takes BARE.json,FULL.json")
	}
	bare, err := loadgen.ReadReport(paths[0])
	if err != nil {
		return err
	}
	full, err := loadgen.ReadReport(paths[1])
	if err != nil {
		return err
	}
	loadgen.Compare(stdout, bare, full, loadgen.IssueGoal)
	return nil
}
