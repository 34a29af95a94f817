package photoread_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/photoread/phototest"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
)

// waitText waits for a customer-service message to openID containing want.
func waitText(t *testing.T, api *wxfake.Server, openID, want string) string {
	t.Helper()
	var text string
	sent, ok := api.WaitFor(30*time.Second, func(sent []wxfake.Sent) bool {
		for _, s := range sent {
			if s.ToUser == openID && strings.Contains(s.Text, want) {
				text = s.Text
				return true
			}
		}
		return false
	})
	if !ok {
		t.Fatalf("no message to %s containing %q; sent: %+v", openID, want, sent)
	}
	return text
}

// Through the running service: a nameplate photo sent at the model question is read
// after the turn, the bot pushes what it read, "1" fills the model with the photo as
// evidence and the form goes on; reading the same photo again says nothing more.
func TestPhotoReadInConversation(t *testing.T) {
	f := requireFont(t)
	requireTesseract(t)
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	if s.PhotoOCR != nil {
		t.Fatal(s.PhotoOCR)
	}
	customer := s.Client(wxpush.Safe)
	ctx := context.Background()
	const openID = "o_photo_reader"
	if _, err := customer.Say(ctx, openID, "美的空调漏水"); err != nil {
		t.Fatal(err)
	}
	s.API.SetMedia("plate-1", wxfake.Media{ContentType: "image/jpeg",
		Body: phototest.Phone(phototest.Nameplate(f, "美的", "KFR-35GW/N8MXA3", "2025-03-12"), 3, 75)})
	if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: "plate-1", PicURL: "http://127.0.0.1/p.jpg"}); err != nil {
		t.Fatal(err)
	}
	offer := waitText(t, s.API, openID, "从照片识别到")
	if !strings.Contains(offer, "KFR-35GW/N8MXA3") || !strings.Contains(offer, "回复 1 对 / 2 不对") {
		t.Errorf("offer %q", offer)
	}
	sent := len(s.API.Sent())
	// The same photo fed again (a retry on another instance) is claimed already.
	if err := s.Photos.Process(ctx, openID, "plate-1"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(s.API.Sent()); n != sent {
		t.Errorf("the photo was offered again: %+v", s.API.Sent()[sent:])
	}
	reply, err := customer.Say(ctx, openID, "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reply.Text, "已按照片记下") {
		t.Errorf("reply to 1: %q", reply.Text)
	}
	conv, err := s.Bot.Conversation(ctx, openID)
	if err != nil {
		t.Fatal(err)
	}
	c := conv.Case
	if c.Model != "KFR-35GW/N8MXA3" || c.Made != (bot.Date{Year: 2025, Month: 3, Day: 12}) || len(c.Evidence) != 2 {
		t.Fatalf("case %+v", c)
	}
	for _, e := range c.Evidence {
		if e.Media != "plate-1" || e.Source != bot.SourceNameplate || e.Verify {
			t.Errorf("evidence %+v", e)
		}
	}
}

// An unreadable photo gets one hint pushed after the turn; the form goes on.
func TestUnreadablePhotoHint(t *testing.T) {
	f := requireFont(t)
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	customer := s.Client(wxpush.Safe)
	ctx := context.Background()
	const openID = "o_photo_blurry"
	if _, err := customer.Say(ctx, openID, "美的冰箱不制冷"); err != nil {
		t.Fatal(err)
	}
	s.API.SetMedia("blurry", wxfake.Media{ContentType: "image/jpeg", Body: phototest.Phone(phototest.Scenery(f), 0, 60)})
	if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: "blurry", PicURL: "http://127.0.0.1/p.jpg"}); err != nil {
		t.Fatal(err)
	}
	hint := waitText(t, s.API, openID, "靠近一些")
	if !strings.Contains(hint, "型号") {
		t.Errorf("hint %q", hint)
	}
}

// The four photos in one conversation — a turned serial sticker with a Code 128
// barcode, a QR sticker, an air-conditioner nameplate, a JD order screenshot — each
// confirmed with 1, fill the serial, model, purchase date and channel of the ticket filed
// afterwards, each with its photo as evidence.
func TestFourPhotosFillTheTicket(t *testing.T) {
	f := requireFont(t)
	requireTesseract(t)
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	customer := s.Client(wxpush.Safe)
	ctx := context.Background()
	const openID = "o_four_photos"
	if _, err := customer.Say(ctx, openID, "美的空调不制冷"); err != nil {
		t.Fatal(err)
	}
	photos := []struct {
		media, want string
		body        []byte
	}{
		{"sticker", "序列号 " + serial, phototest.Phone(phototest.SerialSticker(f, serial), -21, 70)},
		{"qr", "型号 KFR-35GW/N8MXA3", phototest.Phone(phototest.QRSticker(f, "型号:KFR-35GW/N8MXA3;SN:"+serial), 30, 70)},
		{"plate", "出厂日期 2025-03-12", phototest.Phone(phototest.Nameplate(f, "美的", "KFR-35GW/N8MXA3", "2025-03-12"), 5, 75)},
		{"order", "购买日期 2025-06-18（京东）", phototest.Phone(phototest.JDOrder(f, "美的新一级能效 KFR-35GW/N8MXA3", "2025-06-18 20:14:33"), 2, 80)},
	}
	for _, p := range photos {
		s.API.SetMedia(p.media, wxfake.Media{ContentType: "image/jpeg", Body: p.body})
		if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: p.media, PicURL: "http://127.0.0.1/p.jpg"}); err != nil {
			t.Fatal(err)
		}
		waitText(t, s.API, openID, p.want)
		if r, err := customer.Say(ctx, openID, "1"); err != nil || !strings.Contains(r.Text, "已按照片记下") {
			t.Fatalf("%s: %q %v", p.media, r.Text, err)
		}
	}
	r, err := customer.Say(ctx, openID, "转人工")
	if err != nil {
		t.Fatal(err)
	}
	conv, err := s.Bot.Conversation(ctx, openID)
	if err != nil || conv.Ticket == "" {
		t.Fatalf("no ticket: %q %v", r.Text, err)
	}
	tk, err := s.Tickets.Get(ctx, conv.Ticket)
	if err != nil {
		t.Fatal(err)
	}
	rec := tk.Record
	if rec.Serial != serial || rec.Case.Model != "KFR-35GW/N8MXA3" || rec.Case.PurchaseDate.String() != "2025-06-18" || rec.Channel != "京东" {
		t.Errorf("ticket record %+v", rec)
	}
	media := map[string]string{}
	for _, e := range rec.Evidence {
		media[e.Field] = e.Media
		if e.Verify {
			t.Errorf("an invoice-backed ticket flags %+v 待核实", e)
		}
	}
	want := map[string]string{"serial": "sticker", "model": "qr", "made": "plate", "purchase": "order", "channel": "order"}
	for f, m := range want {
		if media[f] != m {
			t.Errorf("evidence of %s: %q, want %q (all: %+v)", f, media[f], m, rec.Evidence)
		}
	}
}
