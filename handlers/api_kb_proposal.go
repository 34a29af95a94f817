package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/knowledge"
)

// ProposalEditor is what /api/v1/kb/proposal needs of the knowledge store
// (knowledgedb.Store): what this release changed in the shipped knowledge, offered to the
// editors against their draft. KB implements it when the store does.
type ProposalEditor interface {
	// Proposal compares the shipped knowledge with what the draft started from; it
	// changes nothing.
	Proposal(ctx context.Context) (knowledge.Proposal, error)
	// ApplyProposal merges the proposal into the draft: clean items, and conflicts as
	// chosen (knowledge.ErrChoiceNeeded when one is not).
	ApplyProposal(ctx context.Context, author string, choices map[string]knowledge.Choice) (knowledge.Proposal, error)
	// DismissProposal records that this release's proposal is not wanted.
	DismissProposal(ctx context.Context, author string) (knowledge.Proposal, error)
}

// Audited actions of the release proposal.
const (
	actionProposalApply   = "rules.proposal.apply"   // target: the release's hash; detail: counts, choices
	actionProposalDismiss = "rules.proposal.dismiss" // target: the release's hash; detail: counts
)

// proposalEditor returns the store's proposal methods, or a 503 refusal.
func (k *kbAPI) proposalEditor() (ProposalEditor, error) {
	p, ok := k.KB.(ProposalEditor)
	if !ok {
		return nil, errs.E(errs.Unavailable, "unavailable", "kbedit.error.unavailable")
	}
	return p, nil
}

// proposal shows what this release changed in the shipped knowledge: GET /api/v1/kb/proposal.
func (k *kbAPI) proposal(c echo.Context) error {
	pe, err := k.proposalEditor()
	if err != nil {
		return k.fail(c, err)
	}
	p, err := pe.Proposal(c.Request().Context())
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, proposalJSON(p))
}

func proposalJSON(p knowledge.Proposal) map[string]any {
	clean, conflicts := p.Counts()
	if p.Items == nil {
		p.Items = []knowledge.ProposalItem{}
	}
	return map[string]any{"proposal": p, "pending": p.Pending(), "clean": clean, "conflicts": conflicts}
}

type applyProposalRequest struct {
	// Choices decide the conflicts, by item key ("rule:<id>"): "release" or "ours".
	Choices map[string]knowledge.Choice `json:"choices"`
}

// applyProposal merges this release's changes into the draft: POST
// /api/v1/kb/proposal/apply {"choices"}. 422 when a conflict has no choice.
func (k *kbAPI) applyProposal(c echo.Context) error {
	pe, err := k.proposalEditor()
	if err != nil {
		return k.fail(c, err)
	}
	var req applyProposalRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	for key, ch := range req.Choices {
		if ch != knowledge.ChoiceRelease && ch != knowledge.ChoiceOurs {
			return k.fail(c, errs.InvalidField("choices."+key, "kbedit.error.bad_choice", "value", ch))
		}
	}
	ctx := c.Request().Context()
	p, err := pe.ApplyProposal(ctx, author(c), req.Choices)
	if errors.Is(err, knowledge.ErrChoiceNeeded) {
		return k.fail(c, errs.E(errs.Unprocessable, "choice_needed", "kbedit.error.choice_needed"))
	}
	if err != nil {
		return k.kbFail(c, err)
	}
	clean, conflicts := p.Counts()
	k.audit(ctx, author(c), actionProposalApply, p.ReleaseHash,
		map[string]any{"from": p.BaseHash, "clean": clean, "conflicts": conflicts, "choices": req.Choices})
	return c.JSON(http.StatusOK, proposalJSON(p))
}

// dismissProposal records that this release's proposal is not wanted: POST
// /api/v1/kb/proposal/dismiss. It is not offered again until the next release.
func (k *kbAPI) dismissProposal(c echo.Context) error {
	pe, err := k.proposalEditor()
	if err != nil {
		return k.fail(c, err)
	}
	ctx := c.Request().Context()
	p, err := pe.DismissProposal(ctx, author(c))
	if err != nil {
		return k.kbFail(c, err)
	}
	clean, conflicts := p.Counts()
	k.audit(ctx, author(c), actionProposalDismiss, p.ReleaseHash,
		map[string]any{"from": p.BaseHash, "clean": clean, "conflicts": conflicts})
	return c.JSON(http.StatusOK, proposalJSON(p))
}
