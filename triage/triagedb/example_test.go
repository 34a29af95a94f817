package triagedb_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// A ticket is created and its notification enqueued in one transaction; the dispatcher
// then delivers it, retrying after a failure.
func ExampleDispatcher() {
	dir, _ := os.MkdirTemp("", "triagedb-example")
	defer os.RemoveAll(dir)
	db, err := database.Open(database.Config{SQLitePath: filepath.Join(dir, "intake.db")}, nil)
	if err != nil {
		panic(err)
	}
	defer database.Close(db)
	ctx := context.Background()
	if err := migrations.Up(ctx, db); err != nil {
		panic(err)
	}
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Date(2026, time.November, 22, 10, 30, 0, 0, loc)
	store := triagedb.New(db, triagedb.Config{Prefix: "RS", Location: loc})

	err = db.Transaction(func(tx *gorm.DB) error {
		t, created, err := store.WithTx(tx).Create(ctx, triage.Ticket{CaseKey: "o-1/1", OpenID: "o-1",
			Priority: triage.PriorityNormal, CreatedAt: now})
		if err != nil || !created {
			return err
		}
		payload, _ := json.Marshal(map[string]string{"number": t.Number})
		_, err = triagedb.Enqueue(ctx, tx, triagedb.Notification{TicketNumber: t.Number, OpenID: t.OpenID,
			Kind: "ticket_created", Payload: payload, CreatedAt: now})
		return err
	})
	if err != nil {
		panic(err)
	}

	down := true // the WeChat API fails the first time
	d := &triagedb.Dispatcher{Outbox: triagedb.NewOutbox(db), Send: func(_ context.Context, n triagedb.Notification) error {
		if down {
			down = false
			return errors.New("errcode 45047")
		}
		fmt.Printf("send %s to %s: %s\n", n.Kind, n.OpenID, n.Payload)
		return nil
	}}
	for _, at := range []time.Time{now, now.Add(10 * time.Second), now.Add(30 * time.Second)} {
		sent, failed, err := d.RunOnce(ctx, at)
		fmt.Println(at.Format("15:04:05"), "sent", sent, "failed", failed, err)
	}
	// Output:
	// 10:30:00 sent 0 failed 1 <nil>
	// 10:30:10 sent 0 failed 0 <nil>
	// send ticket_created to o-1: {"number":"RS20261122-0001"}
	// 10:30:30 sent 1 failed 0 <nil>
}
