package staffdb

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/staff"
)

// auditRow is a row of audit_log.
type auditRow struct {
	ID     uint64    `gorm:"primaryKey;autoIncrement"`
	At     time.Time `gorm:"precision:6;not null;index:idx_audit_log_at"`
	Actor  string    `gorm:"size:64;not null;index:idx_audit_log_actor"`
	Action string    `gorm:"size:32;not null;index:idx_audit_log_action"`
	Target string    `gorm:"size:128;not null;index:idx_audit_log_target"`
	Detail string    `gorm:"type:text;not null"` // a JSON object, or "null"
}

// TableName is the audit log.
func (auditRow) TableName() string { return "audit_log" }

func toDomainAudit(r auditRow) staff.AuditEntry {
	return staff.AuditEntry{ID: r.ID, At: r.At.UTC(), Actor: r.Actor, Action: r.Action, Target: r.Target,
		Detail: json.RawMessage(r.Detail)}
}

// Record appends an audit entry stamped with the Store's clock; see staff.Auditor. Actor
// and target are cut to their columns' length, since a failed login's actor is whatever
// was typed.
func (s *Store) Record(ctx context.Context, actor, action, target string, detail any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("staffdb: record %s: encode detail: %w", action, err)
	}
	row := auditRow{At: dbTime(s.now()), Actor: truncate(actor, 64), Action: truncate(action, 32),
		Target: truncate(target, 128), Detail: string(b)}
	return wrap("record "+action, s.conn(ctx).Create(&row).Error)
}

// Audit returns the entries matching f, newest first, and how many match.
func (s *Store) Audit(ctx context.Context, f staff.AuditFilter, p staff.Page) ([]staff.AuditEntry, int, error) {
	var total int64
	if err := auditQuery(s.conn(ctx), f).Count(&total).Error; err != nil {
		return nil, 0, wrap("audit", err)
	}
	var rows []auditRow
	err := auditQuery(s.conn(ctx), f).Order("id DESC").Limit(clampLimit(p.Limit)).Offset(max(p.Offset, 0)).Find(&rows).Error
	if err != nil {
		return nil, 0, wrap("audit", err)
	}
	out := make([]staff.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = toDomainAudit(r)
	}
	return out, int(total), nil
}

// auditQuery selects the entries matching f.
func auditQuery(db *gorm.DB, f staff.AuditFilter) *gorm.DB {
	q := db.Model(&auditRow{})
	if f.Actor != "" {
		q = q.Where("actor = ?", f.Actor)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.Target != "" {
		q = q.Where("target = ?", f.Target)
	}
	if !f.Since.IsZero() {
		q = q.Where("at >= ?", dbTime(f.Since))
	}
	if !f.Until.IsZero() {
		q = q.Where("at < ?", dbTime(f.Until))
	}
	return q
}

// LastLogins returns when each account last logged in (its newest ActionLogin entry), by
// username; accounts that never did are missing.
func (s *Store) LastLogins(ctx context.Context) (map[string]time.Time, error) {
	db := s.conn(ctx)
	newest := db.Model(&auditRow{}).Select("MAX(id)").Where("action = ?", staff.ActionLogin).Group("actor")
	var rows []auditRow
	if err := db.Where("id IN (?)", newest).Find(&rows).Error; err != nil {
		return nil, wrap("last logins", err)
	}
	out := make(map[string]time.Time, len(rows))
	for _, r := range rows {
		out[r.Actor] = r.At.UTC()
	}
	return out, nil
}
