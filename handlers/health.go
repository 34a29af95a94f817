package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// healthz says the process is up.
func healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz says whether every dependency answers; 503 names the ones that don't.
func readyz(checks []Check) echo.HandlerFunc {
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
		return c.JSON(code, status)
	}
}
