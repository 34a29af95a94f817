package knowledgedb

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/knowledge"
)

var ctx = context.Background()

// clock is a test clock that moves a minute per reading.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Minute)
	return c.t
}

// newStore migrates db, seeds it with the shipped knowledge and returns the store.
func newStore(tb testing.TB, db *gorm.DB) *Store {
	tb.Helper()
	migrationstest.Migrate(tb, db)
	c := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	s := New(db, Options{Now: c.now})
	if _, err := s.EnsureSeeded(ctx, shipped(tb)); err != nil {
		tb.Fatal(err)
	}
	return s
}

func shipped(tb testing.TB) *knowledge.Set {
	tb.Helper()
	set, err := knowledge.Shipped()
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// Rules used by the tests: each ranks its own samples first against the shipped set.
const (
	keyboardRule = `id: laptop-keyboard-light
title: 笔记本键盘背光不亮
categories: [laptop]
triggers:
  keywords: [键盘背光不亮, 键盘灯不亮]
  synonyms: [键盘没有背光]
steps:
  - text: 请按 Fn 加带灯泡图标的按键，打开键盘背光。
unresolved:
  fault_class: hardware
  priority: routine
  onsite: false
  skill: computer
  price: {parts: [0, 400], labour: [0, 100]}
samples:
  - 笔记本键盘背光不亮了
  - 键盘灯不亮怎么办
  - 电脑键盘没有背光了
`
	purpleSmokeRule = `id: safety-purple-smoke
title: 测试：紫色粉末
safety: true
advice: 请立即断电并远离机器（测试提示 ZX9）。
triggers:
  keywords: [紫色粉末]
unresolved:
  fault_class: hardware
  priority: urgent
  onsite: true
  price: {parts: [0, 0], labour: [0, 0]}
samples:
  - 机器里漏出紫色粉末
  - 有紫色粉末掉出来
  - 看到紫色粉末了
`
	stickerRule = `# A rule for any category.
id: general-sticker
title: 机身贴纸脱落
triggers:
  keywords: [贴纸脱落, 贴纸掉了]
unresolved:
  fault_class: user_damage
  priority: routine
  onsite: false
  price: {parts: [0, 20], labour: [0, 0]}
samples:
  - 机器上的贴纸脱落了
  - 贴纸掉了怎么办
  - 外壳贴纸脱落
`
)

// problems returns the problems of a *knowledge.ValidationError, failing otherwise.
func problems(tb testing.TB, err error) []knowledge.Problem {
	tb.Helper()
	var ve *knowledge.ValidationError
	if !errors.As(err, &ve) {
		tb.Fatalf("err = %v, want a *knowledge.ValidationError", err)
	}
	return ve.Problems
}

// draftRule returns the draft's rule, failing when it is missing.
func draftRule(tb testing.TB, s *Store, id string) *knowledge.Rule {
	tb.Helper()
	d, err := s.Draft(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	r := d.Rule(id)
	if r == nil {
		tb.Fatalf("draft has no rule %s", id)
	}
	return r
}

// ruleYAML returns the draft's rule as the edit page shows it, with edit applied to the text.
func ruleYAML(tb testing.TB, s *Store, id string, edit func(string) string) []byte {
	tb.Helper()
	b, err := s.RuleText(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	text := string(b)
	if edit != nil {
		text = edit(text)
	}
	return []byte(text)
}

// diffText renders file diffs as unified text.
func diffText(ds []knowledge.FileDiff) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Unified())
	}
	return b.String()
}
