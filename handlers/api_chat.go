package handlers

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// ChatControl lets staff take a customer's conversation over from the bot, write to the
// customer, and give the conversation back. The real one pauses the bot for the ticket's
// customer and sends customer-service messages; handlers only check who may do it and
// audit it. Methods return *errs.Error for refusals staff should read (e.g. someone else
// holds the chat: 409) and staff.ErrChatUnavailable when chat is not set up.
//
// A chat taken over is its agent's: only they, or staff with staff.PermOverrideChat
// (admins), may hand it back (403 otherwise) or take it over (409).
type ChatControl interface {
	// Takeover pauses the bot for the customer of ticket number: their messages go to
	// staff until Handback.
	Takeover(ctx context.Context, number string, by staff.User) (staff.Handover, error)
	// Reply sends text to the customer of ticket number as by.
	Reply(ctx context.Context, number string, by staff.User, text string) (staff.ReplyResult, error)
	// Handback returns the conversation to the bot. With nobody holding it, it does
	// nothing and tells the customer nothing (Handover.Noop).
	Handback(ctx context.Context, number string, by staff.User) (staff.Handover, error)
}

// ChatRetrier is a ChatControl that keeps the replies WeChat did not take, so staff see
// them marked in the transcript and can send them again without writing a second line.
type ChatRetrier interface {
	// Retry sends the undelivered reply id of ticket number again, as by. A reply sent
	// (or expired) meanwhile is an errs.NotFound.
	Retry(ctx context.Context, number string, by staff.User, id string) (staff.ReplyResult, error)
	// Undelivered lists the ticket's replies still waiting for a successful send.
	Undelivered(ctx context.Context, number string) ([]staff.Undelivered, error)
}

// UnavailableChat is the ChatControl of a service without live chat: every call fails
// with ErrChatUnavailable.
type UnavailableChat struct{}

// Takeover fails with ErrChatUnavailable.
func (UnavailableChat) Takeover(context.Context, string, staff.User) (staff.Handover, error) {
	return staff.Handover{}, staff.ErrChatUnavailable
}

// Reply fails with ErrChatUnavailable.
func (UnavailableChat) Reply(context.Context, string, staff.User, string) (staff.ReplyResult, error) {
	return staff.ReplyResult{}, staff.ErrChatUnavailable
}

// Handback fails with ErrChatUnavailable.
func (UnavailableChat) Handback(context.Context, string, staff.User) (staff.Handover, error) {
	return staff.Handover{}, staff.ErrChatUnavailable
}

// MaxReply is the longest staff reply, in characters: a WeChat customer-service text
// holds 2048 bytes, and a Chinese character takes 3.
const MaxReply = 600

// takeover: POST /api/v1/tickets/{number}/takeover (tickets.Service.Takeover).
func (a *api) takeover(c echo.Context) error {
	if _, err := a.tickets.Takeover(c.Request().Context(), who(c).User, c.Param("number")); err != nil {
		return a.fail(c, err)
	}
	return c.NoContent(http.StatusNoContent)
}

// handback: POST /api/v1/tickets/{number}/handback (tickets.Service.Handback).
func (a *api) handback(c echo.Context) error {
	if _, err := a.tickets.Handback(c.Request().Context(), who(c).User, c.Param("number")); err != nil {
		return a.fail(c, err)
	}
	return c.NoContent(http.StatusNoContent)
}

type replyRequest struct {
	Text    string `json:"text"`
	RetryOf string `json:"retry_of"` // send this undelivered reply again; text is then ignored
}

// reply sends a message to the customer: POST /api/v1/tickets/{number}/reply.
func (a *api) reply(c echo.Context) error {
	var req replyRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	if req.RetryOf == "" && (strings.TrimSpace(req.Text) == "" || utf8.RuneCountInString(req.Text) > MaxReply) {
		return a.fail(c, errs.InvalidField("text", "staff.invalid.reply", "max", MaxReply))
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	var res staff.ReplyResult
	var err error
	if req.RetryOf != "" {
		r, ok := a.Chat.(ChatRetrier)
		if !ok {
			return a.fail(c, staff.ErrChatUnavailable)
		}
		res, err = r.Retry(ctx, number, who(c).User, req.RetryOf)
	} else {
		res, err = a.Chat.Reply(ctx, number, who(c).User, req.Text)
	}
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, res)
}

// markUndelivered marks the staff lines of a transcript whose reply WeChat has not taken.
func (a *api) markUndelivered(ctx context.Context, number string, lines []messageJSON) error {
	r, ok := a.Chat.(ChatRetrier)
	if !ok {
		return nil
	}
	pending, err := r.Undelivered(ctx, number)
	if err != nil || len(pending) == 0 {
		return err
	}
	for i := range lines {
		if u, ok := staff.MatchUndelivered(pending, lines[i].Role, lines[i].At, lines[i].Text); ok {
			lines[i].Undelivered = &undeliveredJSON{ID: u.ID, Note: u.Note}
		}
	}
	return nil
}
