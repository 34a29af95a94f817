package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// ProposalStore is what the editor reads of a release's proposal (knowledgedb.Store):
// what the knowledge shipped with this binary changed since the shipped knowledge the
// draft started from. The console's KB offers it when the store does; applying and
// dismissing go through /api/v1/kb/proposal.
type ProposalStore interface {
	Proposal(ctx context.Context) (knowledge.Proposal, error)
}

// pendingProposal returns the release's proposal when one is waiting for the editors.
func (c *Pages) pendingProposal(ctx context.Context) (*proposalData, error) {
	ps, ok := c.KB.(ProposalStore)
	if !ok {
		return nil, nil
	}
	p, err := ps.Proposal(ctx)
	if err != nil || !p.Pending() {
		return nil, err
	}
	return newProposalData(p), nil
}

// proposalData is the proposal as the pages show it.
type proposalData struct {
	P                knowledge.Proposal
	Rules, Cats, FAQ int // items of each kind
	Clean, Conflicts int
}

func newProposalData(p knowledge.Proposal) *proposalData {
	d := &proposalData{P: p}
	d.Clean, d.Conflicts = p.Counts()
	for _, it := range p.Items {
		switch it.Kind {
		case knowledge.KindRule:
			d.Rules++
		case knowledge.KindCategory:
			d.Cats++
		default:
			d.FAQ++
		}
	}
	return d
}

// editorProposal shows what this release changed in the shipped knowledge, item by item,
// conflicts side by side with a choice each: GET /console/rules/proposal.
func (c *Pages) editorProposal(ec echo.Context) error {
	ps, ok := c.KB.(ProposalStore)
	if !ok {
		return ec.String(http.StatusServiceUnavailable, catalog.T("editor.unavailable"))
	}
	p, err := ps.Proposal(ec.Request().Context())
	if err != nil {
		return err
	}
	return c.render(ec, http.StatusOK, "editor_proposal.html", catalog.T("editor.proposal.title"), newProposalData(p))
}
