package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/loadgen"
)

func TestLoadgenCommand(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	dir := t.TempDir()
	report := filepath.Join(dir, "full.json")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{
		"--url", s.URL() + s.Cfg.WeChat.Path, "--customers", "2", "--conversations", "1", "--warmup", "0",
		"--script", "full", "--json", "--out", report, "--fail-on-error",
	}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var printed loadgen.Report
	if err := json.Unmarshal(stdout.Bytes(), &printed); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout.String())
	}
	if printed.Tickets != 2 || printed.Errors != 0 || printed.EmptyReplies != 0 {
		t.Errorf("report: %d tickets, %d errors, %d empty replies", printed.Tickets, printed.Errors, printed.EmptyReplies)
	}
	written, err := loadgen.ReadReport(report)
	if err != nil || written.Requests != printed.Requests {
		t.Fatalf("--out report: %v %+v", err, written)
	}

	stdout.Reset()
	if err := run(context.Background(), []string{"--compare", report + "," + report}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "full/bare throughput 1.00") {
		t.Errorf("--compare of a report with itself:\n%s", stdout.String())
	}
}

// The open loop against a service: every start due in the window is made and answered
// (no assertion on how fast: that is BENCHMARKS.md's).
func TestLoadgenCommandRate(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{
		"--url", s.URL() + s.Cfg.WeChat.Path, "--rate", "40", "--duration", "1s", "--warmup", "0",
		"--script", "full", "--json", "--fail-on-error",
	}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var rep loadgen.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout.String())
	}
	if rep.OfferedRate != 40 || rep.Scheduled != 40 || rep.Started != 40 || rep.Missed != 0 || rep.Requests != 40 || rep.Errors != 0 || rep.Latency.Count != 40 {
		t.Errorf("report: offered %v, %d due, %d started, %d missed, %d requests, %d errors, %d latencies",
			rep.OfferedRate, rep.Scheduled, rep.Started, rep.Missed, rep.Requests, rep.Errors, rep.Latency.Count)
	}
}

func TestLoadgenCommandRefuses(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(empty, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown script", []string{"--url", "http://127.0.0.1:1/wechat", "--script", "chat"}, "unknown script"},
		{"no URL", []string{"--customers", "1"}, "no webhook URL"},
		{"duration past WeChat's timestamp window", []string{"--url", "http://127.0.0.1:1/wechat", "--duration", "6m"}, "at most"},
		{"compare needs two reports", []string{"--compare", "one.json"}, "BARE.json,FULL.json"},
		{"rate without a duration", []string{"--url", "http://127.0.0.1:1/wechat", "--rate", "300"}, "needs a duration"},
		{"compare of a broken report", []string{"--compare", empty + "," + empty}, "empty.json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tc.args, &out, &out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error naming %q", tc.args, err, tc.want)
			}
		})
	}
}
