package handlers

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// statusOf is the one table from an error's kind to the HTTP status staff get.
var statusOf = map[errs.Kind]int{
	errs.Invalid:         http.StatusBadRequest,
	errs.Unauthenticated: http.StatusUnauthorized,
	errs.Forbidden:       http.StatusForbidden,
	errs.NotFound:        http.StatusNotFound,
	errs.Conflict:        http.StatusConflict,
	errs.TooLarge:        http.StatusRequestEntityTooLarge,
	errs.Unsupported:     http.StatusUnsupportedMediaType,
	errs.Unprocessable:   http.StatusUnprocessableEntity,
	errs.Throttled:       http.StatusTooManyRequests,
	errs.Unavailable:     http.StatusServiceUnavailable,
}

// errorOf classifies err for an answer: an *errs.Error as it is, the domain's typed
// refusals (a value staff entered, a status change the lifecycle forbids) as their kind,
// and nil for anything else, which is a 500.
func errorOf(err error) *errs.Error {
	var fe *staff.FieldError
	var te *triage.TransitionError
	switch {
	case errors.As(err, &fe):
		return &errs.Error{Kind: errs.Invalid, Code: "invalid", Key: fe.Key, Args: fe.KV, Field: fe.Field}
	case errors.As(err, &te):
		return errs.E(errs.Conflict, "invalid_transition", "triage.transition.invalid", "from", te.From.Label(), "to", te.To.Label())
	}
	if e := errs.As(err); e != nil && e.Kind != errs.Other {
		return e
	}
	return nil
}

// answer is the JSON body of a refusal: {"error": code, "message": 中文, "field": …}.
func answer(e *errs.Error) map[string]string {
	body := map[string]string{"error": e.Code, "message": e.Message()}
	if e.Field != "" {
		body["field"] = e.Field
	}
	return body
}

// refuse answers the refusal e with the status of its kind (and Retry-After when it says
// how long to wait).
func refuse(c echo.Context, e *errs.Error) error {
	if e.RetryAfter > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(e.RetryAfter/time.Second)))
	}
	return c.JSON(statusOf[e.Kind], answer(e))
}

// fail answers err as a refusal. Unknown errors are 500s, logged here once, without
// their text in the answer.
func (a *api) fail(c echo.Context, err error) error {
	e := errorOf(err)
	if e == nil {
		a.Log.Error("staff api failed", "method", c.Request().Method, "path", c.Path(), "err", err)
		return c.JSON(http.StatusInternalServerError, answer(errs.E(errs.Other, "internal", "staff.error.internal")))
	}
	return refuse(c, e)
}

// decode reads a JSON request body into v, refusing other content types (a cross-site
// form cannot send JSON without the browser asking first) and unknown fields.
func decode(c echo.Context, v any) error {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEApplicationJSON {
		return errs.E(errs.Unsupported, "json_required", "staff.error.json_required")
	}
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errs.E(errs.Invalid, "bad_request", "staff.error.bad_request")
	}
	return nil
}

// paging reads ?page= (from 1) and ?per_page= (1…maxPer, def when absent).
func paging(c echo.Context, def, maxPer int) (page, perPage int, err error) {
	page, perPage = 1, def
	if s := c.QueryParam("page"); s != "" {
		if page, err = strconv.Atoi(s); err != nil || page < 1 {
			return 0, 0, errs.InvalidField("page", "staff.error.bad_query", "field", "page")
		}
	}
	if s := c.QueryParam("per_page"); s != "" {
		if perPage, err = strconv.Atoi(s); err != nil || perPage < 1 || perPage > maxPer {
			return 0, 0, errs.InvalidField("per_page", "staff.error.bad_query", "field", "per_page")
		}
	}
	return page, perPage, nil
}
