package handlers

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// APIError is a refusal of the staff API: the HTTP status, a stable English code for
// programs and the sentence staff read. Handlers, and the ChatControl the lead wires in,
// return it for anything staff should be told; every other error is a 500.
type APIError struct {
	Status  int
	Code    string // e.g. "forbidden", "invalid_transition"
	Message string // Simplified Chinese, from the catalog
	Field   string // the request field at fault, if any
}

// Error describes the refusal for logs.
func (e *APIError) Error() string { return "api: " + e.Code }

// refuse returns an APIError with the catalog sentence of key.
func refuse(status int, code, key string, kv ...any) *APIError {
	return &APIError{Status: status, Code: code, Message: catalog.T(key, kv...)}
}

// invalidField refuses a request field (body or query) with the catalog sentence of key.
func invalidField(field, key string, kv ...any) *APIError {
	return &APIError{Status: http.StatusBadRequest, Code: "invalid", Field: field, Message: catalog.T(key, kv...)}
}

// apiErrorOf maps an error to the API's answer: the one place where domain and store
// errors become HTTP statuses.
func apiErrorOf(err error) *APIError {
	var ae *APIError
	var fe *staff.FieldError
	var te *triage.TransitionError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &fe):
		return &APIError{Status: http.StatusBadRequest, Code: "invalid", Message: fe.Message(), Field: fe.Field}
	case errors.As(err, &te):
		return &APIError{Status: http.StatusConflict, Code: "invalid_transition", Message: te.Message()}
	case errors.Is(err, triage.ErrNotFound):
		return refuse(http.StatusNotFound, "ticket_not_found", "staff.error.ticket_not_found")
	case errors.Is(err, triage.ErrConflict):
		return refuse(http.StatusConflict, "conflict", "staff.error.conflict")
	case errors.Is(err, staff.ErrUserNotFound):
		return refuse(http.StatusNotFound, "user_not_found", "staff.error.user_not_found")
	case errors.Is(err, staff.ErrUserExists):
		return refuse(http.StatusConflict, "user_exists", "staff.error.user_exists")
	case errors.Is(err, triagedb.ErrNoNotification):
		return refuse(http.StatusNotFound, "notification_not_found", "staff.error.notification_not_found")
	case errors.Is(err, canned.ErrNotFound):
		return refuse(http.StatusNotFound, "canned_not_found", "console.canned.error.not_found")
	case errors.Is(err, ErrChatUnavailable):
		return refuse(http.StatusServiceUnavailable, "chat_unavailable", "staff.error.chat_unavailable")
	}
	return nil
}

// fail answers err as JSON {"error": code, "message": 中文, "field": …}. Unknown errors are
// 500s, logged here once, without their text in the answer.
func (a *api) fail(c echo.Context, err error) error {
	ae := apiErrorOf(err)
	if ae == nil {
		a.Log.Error("staff api failed", "method", c.Request().Method, "path", c.Path(), "err", err)
		ae = refuse(http.StatusInternalServerError, "internal", "staff.error.internal")
	}
	body := map[string]string{"error": ae.Code, "message": ae.Message}
	if ae.Field != "" {
		body["field"] = ae.Field
	}
	return c.JSON(ae.Status, body)
}

// decode reads a JSON request body into v, refusing other content types (a cross-site
// form cannot send JSON without the browser asking first) and unknown fields.
func decode(c echo.Context, v any) error {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEApplicationJSON {
		return refuse(http.StatusUnsupportedMediaType, "json_required", "staff.error.json_required")
	}
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return refuse(http.StatusBadRequest, "bad_request", "staff.error.bad_request")
	}
	return nil
}

// paging reads ?page= (from 1) and ?per_page= (1…maxPer, def when absent).
func paging(c echo.Context, def, maxPer int) (page, perPage int, err error) {
	page, perPage = 1, def
	if s := c.QueryParam("page"); s != "" {
		if page, err = strconv.Atoi(s); err != nil || page < 1 {
			return 0, 0, invalidField("page", "staff.error.bad_query", "field", "page")
		}
	}
	if s := c.QueryParam("per_page"); s != "" {
		if perPage, err = strconv.Atoi(s); err != nil || perPage < 1 || perPage > maxPer {
			return 0, 0, invalidField("per_page", "staff.error.bad_query", "field", "per_page")
		}
	}
	return page, perPage, nil
}
