package handlers

import (
	"context"
	"crypto/subtle"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// healthz says the process is up.
func healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz says whether every dependency answers; 503 names the ones that don't. notes, when
// set, adds notices that report without failing readiness.
func readyz(checks []Check, notes func() map[string]string) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
		defer cancel()
		status, code := map[string]string{}, http.StatusOK
		for _, ch := range checks {
			if err := ch.Ping(ctx); err != nil {
				status[ch.Name] = "unavailable"
				code = http.StatusServiceUnavailable
			} else {
				status[ch.Name] = "ok"
			}
		}
		if notes != nil {
			for name, note := range notes() {
				if _, taken := status[name]; !taken {
					status[name] = note
				}
			}
		}
		return c.JSON(code, status)
	}
}

// requireOpsToken guards the operations endpoints with a bearer token, compared in
// constant time; an empty token leaves them open.
func requireOpsToken(token string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		if token == "" {
			return next
		}
		want := []byte("Bearer " + token)
		return func(c echo.Context) error {
			got := []byte(c.Request().Header.Get(echo.HeaderAuthorization))
			if subtle.ConstantTimeCompare(got, want) != 1 {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="ops"`)
				return c.JSON(http.StatusUnauthorized, map[string]string{"error": "ops token required"})
			}
			return next(c)
		}
	}
}
