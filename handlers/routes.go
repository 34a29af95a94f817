// Package handlers is the service's HTTP surface on Echo: the WeChat webhook, the
// operations endpoints and (later) the staff console and its JSON API. Every route is
// registered in Routes, the one route table.
package handlers

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/silenceper/wechat/v2/officialaccount"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/metrics"
)

// TurnHandler runs one customer message through the bot.
type TurnHandler interface {
	Handle(ctx context.Context, in bot.Inbound) bot.Result
}

// Check is a readiness probe of one dependency.
type Check struct {
	Name string
	Ping func(ctx context.Context) error
}

// WeChat is the webhook's configuration.
type WeChat struct {
	Path         string
	Token        string
	MaxClockSkew time.Duration
	MaxBodyBytes int64
}

// Deps is everything the handlers need.
type Deps struct {
	Log     *slog.Logger
	Metrics *metrics.Metrics
	OA      *officialaccount.OfficialAccount
	WeChat  WeChat
	Turns   TurnHandler
	Ready   []Check
	Now     func() time.Time // the clock for replay checks; time.Now when nil
}

// New returns an Echo instance with the middleware and every route.
func New(d Deps) *echo.Echo {
	if d.Now == nil {
		d.Now = time.Now
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(d.Log)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			d.Log.Error("panic in handler", "path", c.Path(), "err", err, "stack", string(stack))
			return err
		},
	}))
	Routes(e, d)
	return e
}

// Routes is the route table.
func Routes(e *echo.Echo, d Deps) {
	wh := &webhook{Deps: d}
	e.GET(d.WeChat.Path, wh.serve)
	e.POST(d.WeChat.Path, wh.serve)

	e.GET("/healthz", healthz)
	e.GET("/readyz", readyz(d.Ready))
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(d.Metrics.Registry, promhttp.HandlerOpts{})))
}

// errorHandler answers errors as JSON with their status, logging 5xx once, here.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		code, msg := http.StatusInternalServerError, "internal error"
		if he, ok := err.(*echo.HTTPError); ok {
			code = he.Code
			if s, ok := he.Message.(string); ok {
				msg = s
			} else {
				msg = http.StatusText(code)
			}
		}
		if code >= 500 {
			log.Error("request failed", "method", c.Request().Method, "path", c.Path(), "err", err)
		}
		_ = c.JSON(code, map[string]string{"error": msg})
	}
}
