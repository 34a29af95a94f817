package main

import (
	"context"
	"fmt"
	"io"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/wxapi"
)

// menuItems is the custom menu: report a fault, check progress, talk to a person. The
// bot answers each button's CLICK key.
func menuItems() []wxapi.MenuItem {
	return []wxapi.MenuItem{
		{Name: catalog.T("bot.menu.report"), Key: bot.MenuReport},
		{Name: catalog.T("bot.menu.progress"), Key: bot.MenuProgress},
		{Name: catalog.T("bot.menu.human"), Key: bot.MenuHuman},
	}
}

func runMenu(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("menu", "Manage the Official Account's custom menu.\n\n  intake menu push   create the menu (报修 / 查进度 / 人工客服) through the WeChat API", stderr)
	cfgPath := fs.String("config", "config.yaml", "configuration file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "push" {
		fs.Usage()
		return fmt.Errorf("usage: intake menu push")
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	if err := devCredentials(cfg); err != nil {
		return err
	}
	a, err := app.New(ctx, cfg, newLogger(stderr, cfg.Log.Level))
	if err != nil {
		return err
	}
	defer a.Shutdown(context.WithoutCancel(ctx))
	if err := a.WeChat.PushMenu(ctx, menuItems()); err != nil {
		return fmt.Errorf("menu push: %w", err)
	}
	fmt.Fprintln(stdout, "menu created:", len(menuItems()), "buttons")
	return nil
}
