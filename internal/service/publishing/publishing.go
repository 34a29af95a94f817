// Package publishing holds the knowledge base's publishing use cases — import a whole set of
// files into the draft, publish the draft, roll back to an old revision — each writing
// its audit entry under one action name, so the JSON API (/api/v1/kb) and the command
// line (intake kb import|publish) do the same thing. The store's errors pass through
// (the draft's problems, the self-test's report), for each adapter to show its way.
package publishing

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// Store is what the use cases need of the knowledge store: knowledgedb.Store, or its
// Publisher, which also announces a publication to every instance.
type Store interface {
	Import(ctx context.Context, author string, files map[string][]byte) error
	DraftInfo(ctx context.Context) (knowledge.DraftInfo, error)
	Publish(ctx context.Context, author, message string) (knowledge.Revision, error)
	Rollback(ctx context.Context, author string, to int, message string) (knowledge.Revision, error)
}

// Service carries out the publishing use cases.
type Service struct {
	Store Store
	Audit staff.Auditor
	Log   *slog.Logger // discarded when nil
}

// New returns s with its defaults filled in.
func New(s Service) *Service {
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	return &s
}

// Import replaces the draft with files (path in the knowledge directory → YAML) and
// returns the draft. Audited as staff.ActionRulesImport with the count and the draft's
// hash.
func (s *Service) Import(ctx context.Context, author string, files map[string][]byte) (knowledge.DraftInfo, error) {
	if err := s.Store.Import(ctx, author, files); err != nil {
		return knowledge.DraftInfo{}, err
	}
	info, err := s.Store.DraftInfo(ctx)
	if err != nil {
		return knowledge.DraftInfo{}, err
	}
	s.audit(ctx, author, staff.ActionRulesImport, "draft", map[string]any{"files": len(files), "hash": info.Hash})
	return info, nil
}

// Publish makes the draft the rules every instance serves. Audited as
// staff.ActionRulesPublish with the new revision.
func (s *Service) Publish(ctx context.Context, author, message string) (knowledge.Revision, error) {
	rev, err := s.Store.Publish(ctx, author, message)
	if err != nil {
		return knowledge.Revision{}, err
	}
	s.audit(ctx, author, staff.ActionRulesPublish, strconv.Itoa(rev.Version),
		map[string]any{"version": rev.Version, "message": rev.Message, "rules": rev.Rules, "hash": rev.Hash})
	return rev, nil
}

// Rollback publishes a copy of revision version as a new one and resets the draft to it.
// errs.Invalid for a version below 1. Audited as staff.ActionRulesRollback.
func (s *Service) Rollback(ctx context.Context, author string, version int, message string) (knowledge.Revision, error) {
	if version < 1 {
		return knowledge.Revision{}, errs.InvalidField("version", "kbedit.error.bad_version", "value", version)
	}
	rev, err := s.Store.Rollback(ctx, author, version, message)
	if err != nil {
		return knowledge.Revision{}, err
	}
	s.audit(ctx, author, staff.ActionRulesRollback, strconv.Itoa(rev.Version),
		map[string]any{"from": version, "message": rev.Message, "hash": rev.Hash})
	return rev, nil
}

// audit records an entry; a failure is logged, never the use case's failure.
func (s *Service) audit(ctx context.Context, actor, action, target string, detail any) {
	if err := s.Audit.Record(ctx, actor, action, target, detail); err != nil {
		s.Log.Error("audit record failed", "action", action, "target", target, "err", err)
	}
}
