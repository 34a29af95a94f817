// Command barewx is the baseline the load generator measures the service against: an
// Echo server with the silenceper SDK's Official Account server in safe mode that only
// verifies the signatures, decrypts the message and replies with the same text, encrypted
// (a passive reply). No Redis, no database, no bot: whatever the full service costs on top
// of this is the price of the conversation itself.
//
//	barewx --addr 127.0.0.1:8081 --token testtoken --aes <EncodingAESKey> --appid wx0000000000000000
//
// The webhook is at /wechat (GET answers WeChat's URL check).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/officialaccount"
	oaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/sirupsen/logrus"
)

// The test credentials of internal/apptest, so the load generator's defaults work as they are.
const (
	testToken  = "testtoken"
	testAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	testAppID  = "wx0000000000000000"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "barewx:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("barewx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8081", "listen address")
	token := fs.String("token", testToken, "WeChat Token")
	aes := fs.String("aes", testAESKey, "WeChat EncodingAESKey (43 characters)")
	appID := fs.String("appid", testAppID, "WeChat AppID")
	if err := fs.Parse(args); err != nil {
		return err
	}
	e := newServer(*token, *aes, *appID)
	srv := &http.Server{Addr: *addr, Handler: e, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 90 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe() }()
	fmt.Fprintf(stdout, "barewx listening on http://%s/wechat\n", *addr)
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// newServer is the bare webhook: verify, decrypt, echo the text back.
func newServer(token, aes, appID string) *echo.Echo {
	logrus.SetOutput(io.Discard) // the SDK logs every request at Debug otherwise
	oa := officialaccount.NewOfficialAccount(&oaconfig.Config{
		AppID: appID, Token: token, EncodingAESKey: aes, Cache: cache.NewMemory(),
	})
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	handle := func(c echo.Context) error {
		srv := oa.GetServer(c.Request(), c.Response())
		srv.SetMessageHandler(func(m *message.MixMessage) *message.Reply {
			return &message.Reply{MsgType: message.MsgTypeText, MsgData: message.NewText(m.Content)}
		})
		if err := srv.Serve(); err != nil {
			return c.String(http.StatusBadRequest, err.Error())
		}
		if c.Response().Committed { // the URL check's echostr
			return nil
		}
		return srv.Send()
	}
	e.GET("/wechat", handle)
	e.POST("/wechat", handle)
	return e
}
