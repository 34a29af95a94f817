package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
)

// ChatControl lets staff take a customer's conversation over from the bot, write to the
// customer, and give the conversation back. The real one pauses the bot for the ticket's
// customer and sends customer-service messages; handlers only check who may do it and
// audit it. Methods return *APIError for refusals staff should read (e.g. someone else
// holds the chat: 409) and ErrChatUnavailable when chat is not set up.
type ChatControl interface {
	// Takeover pauses the bot for the customer of ticket number: their messages go to
	// staff until Handback.
	Takeover(ctx context.Context, number string, by staff.User) error
	// Reply sends text to the customer of ticket number as by.
	Reply(ctx context.Context, number string, by staff.User, text string) (ReplyResult, error)
	// Handback returns the conversation to the bot.
	Handback(ctx context.Context, number string, by staff.User) error
}

// ReplyResult is what became of a staff reply.
type ReplyResult struct {
	// Delivered reports whether WeChat accepted the message for the customer; false when
	// it was only recorded (e.g. the customer-service window has closed).
	Delivered bool `json:"delivered"`
	// Note says, in Chinese, why a reply was not delivered.
	Note string `json:"note,omitempty"`
}

// ErrChatUnavailable is ChatControl's answer when live chat is not available (503).
var ErrChatUnavailable = errors.New("handlers: live chat is not available")

// UnavailableChat is the ChatControl of a service without live chat: every call fails
// with ErrChatUnavailable.
type UnavailableChat struct{}

// Takeover fails with ErrChatUnavailable.
func (UnavailableChat) Takeover(context.Context, string, staff.User) error { return ErrChatUnavailable }

// Reply fails with ErrChatUnavailable.
func (UnavailableChat) Reply(context.Context, string, staff.User, string) (ReplyResult, error) {
	return ReplyResult{}, ErrChatUnavailable
}

// Handback fails with ErrChatUnavailable.
func (UnavailableChat) Handback(context.Context, string, staff.User) error { return ErrChatUnavailable }

// MaxReply is the longest staff reply, in characters: a WeChat customer-service text
// holds 2048 bytes, and a Chinese character takes 3.
const MaxReply = 600

// takeover: POST /api/v1/tickets/{number}/takeover.
func (a *api) takeover(c echo.Context) error {
	return a.chatAction(c, staff.ActionTakeover, a.Chat.Takeover)
}

// handback: POST /api/v1/tickets/{number}/handback.
func (a *api) handback(c echo.Context) error {
	return a.chatAction(c, staff.ActionHandback, a.Chat.Handback)
}

// chatAction runs a take-over or hand-back on an existing ticket and audits it.
func (a *api) chatAction(c echo.Context, action string, do func(context.Context, string, staff.User) error) error {
	ctx := c.Request().Context()
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	me := who(c).User
	if err := do(ctx, number, me); err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me.Username, action, number, nil)
	return c.NoContent(http.StatusNoContent)
}

type replyRequest struct {
	Text string `json:"text"`
}

// reply sends a message to the customer: POST /api/v1/tickets/{number}/reply.
func (a *api) reply(c echo.Context) error {
	var req replyRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	if strings.TrimSpace(req.Text) == "" || utf8.RuneCountInString(req.Text) > MaxReply {
		return a.fail(c, invalidField("text", "staff.invalid.reply", "max", MaxReply))
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	res, err := a.Chat.Reply(ctx, number, who(c).User, req.Text)
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, res)
}
