package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/wxfake"
)

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{c.name, "--help"}, &out, &errOut)
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s --help: %v", c.name, err)
		}
		if !strings.Contains(errOut.String(), "usage: intake "+c.name) {
			t.Errorf("%s --help printed %q", c.name, errOut.String())
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, &out, &out); err != nil || !strings.Contains(out.String(), "commands:") {
		t.Errorf("intake --help: %v %q", err, out.String())
	}
	if err := run(context.Background(), []string{"frobnicate"}, &out, &out); err == nil {
		t.Error("an unknown command was accepted")
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &out, &out); err != nil || !strings.HasPrefix(out.String(), "intake ") {
		t.Fatalf("version: %v %q", err, out.String())
	}
}

func TestMenuPush(t *testing.T) {
	api := wxfake.New(t)
	t.Setenv("INTAKE_WECHAT_API_BASE", api.URL)
	t.Setenv("INTAKE_DATA_DIR", t.TempDir())
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"menu", "--config", "", "push"}, &out, &errOut); err != nil {
		t.Fatalf("menu push: %v\n%s", err, errOut.String())
	}
	sent := api.Sent()
	if len(sent) != 1 || !strings.HasSuffix(sent[0].Path, "/menu/create") {
		t.Fatalf("sent %+v", sent)
	}
	for _, key := range []string{bot.MenuReport, bot.MenuProgress, bot.MenuHuman, "我要报修"} {
		if !strings.Contains(sent[0].Raw, key) {
			t.Errorf("menu lacks %s: %s", key, sent[0].Raw)
		}
	}
}
