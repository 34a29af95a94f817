package knowledge

import (
	"errors"
	"fmt"
	"time"
)

// Revision is one published version of the knowledge as storage keeps it: the whole set
// of YAML files, so that any revision can be parsed again, rolled back to or compared.
// Versions count up from 1 in publishing order; exactly one revision is current.
type Revision struct {
	// Version numbers the revision (1 is the knowledge shipped with the binary).
	Version int `json:"version"`
	// CreatedAt is when the revision was published.
	CreatedAt time.Time `json:"created_at"`
	// Author is who published it.
	Author string `json:"author"`
	// Message says what changed, as the author wrote it.
	Message string `json:"message"`
	// Hash is the set's Hash: equal hashes mean equal files.
	Hash string `json:"hash"`
	// Status is RevisionPublished for the current revision, else RevisionSuperseded.
	Status RevisionStatus `json:"status"`
	// Source is the version a rollback copied; 0 for an ordinary publish.
	Source int `json:"source,omitempty"`
	// Rules counts the rules of the revision.
	Rules int `json:"rules"`
	// ShippedHash is the Hash of the shipped knowledge the revision's work started from.
	ShippedHash string `json:"shipped_hash,omitempty"`
}

// RevisionStatus says whether a revision is the one being served.
type RevisionStatus string

// The revision statuses.
const (
	RevisionPublished  RevisionStatus = "published"
	RevisionSuperseded RevisionStatus = "superseded"
)

// DraftInfo describes the working draft the editors change rule by rule before publishing.
type DraftInfo struct {
	// BaseVersion is the published version the draft started from.
	BaseVersion int `json:"base_version"`
	// Hash is the Hash of the draft's files.
	Hash string `json:"hash"`
	// Changed reports whether the draft differs from the current published revision.
	Changed bool `json:"changed"`
	// UpdatedAt and UpdatedBy say when and by whom the draft last changed.
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

// Errors of revision storage, matched with errors.Is.
var (
	// ErrNoRevision: the version does not exist (or nothing was ever stored).
	ErrNoRevision = errors.New("knowledge: no such revision")
	// ErrNoRule: the draft has no rule with the id.
	ErrNoRule = errors.New("knowledge: no such rule")
	// ErrUnchanged: publishing or rolling back would serve the files already served.
	ErrUnchanged = errors.New("knowledge: nothing to publish, the files are already published")
	// ErrDraftChanged: the draft changed while it was being checked for publishing.
	ErrDraftChanged = errors.New("knowledge: the draft changed while publishing, try again")
	// ErrBadImport: imported files must be at least one, named by relative .yaml paths.
	ErrBadImport = errors.New("knowledge: import needs .yaml files with relative paths")
)

// SelfTestError refuses to publish a set whose self-test failed: some sample does not rank
// its own rule first. Report says which and what ranked instead.
type SelfTestError struct {
	Report Report
}

// Error summarises the report.
func (e *SelfTestError) Error() string {
	if e.Report.Err != nil {
		return fmt.Sprintf("knowledge: self-test could not run: %v", e.Report.Err)
	}
	return fmt.Sprintf("knowledge: self-test failed: %d samples do not rank their rule first", len(e.Report.Failures))
}

// CheckPublishable is the gate every publish passes: the set must validate, no rule may
// cost more than RuleBudget per message on the benchmark messages (CheckCost), and every
// sample must rank its own rule first (without a category hint; kb test reports both). It
// returns a *ValidationError or a *SelfTestError,
// whose report has no held-out figures (they are not part of the gate).
func CheckPublishable(s *Set) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if err := s.CheckCost(); err != nil {
		return err
	}
	if rep := selfTest(s, false); !rep.Passed() {
		return &SelfTestError{Report: rep}
	}
	return nil
}
