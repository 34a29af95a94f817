package bot

import (
	"slices"
	"strings"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// FiledTicket is one of the customer's tickets as the conversation remembers it: its
// number, the product it is for and when it was filed.
type FiledTicket struct {
	Number   string    `json:"n"`
	Category string    `json:"c,omitempty"`
	Product  string    `json:"p,omitempty"`
	At       time.Time `json:"t,omitempty"`
}

// householdWindow is how long after a ticket was filed a name, phone or address told for
// another of the customer's tickets goes onto it too: the same household, its visit still
// to come. The backend changes open tickets only.
const householdWindow = 14 * 24 * time.Hour

// household are the tickets a name, phone or address told now goes onto, oldest first: the
// current one and the others filed within householdWindow ("地址写错了 是…502" after a
// second appliance was reported reaches the first one's booked visit too).
func (c *Conversation) household(now time.Time) []string {
	var out []string
	for _, f := range c.Household {
		if (f.Number == c.Ticket || now.Sub(f.At) <= householdWindow) && !slices.Contains(out, f.Number) {
			out = append(out, f.Number)
		}
	}
	if c.Ticket != "" && !slices.Contains(out, c.Ticket) {
		out = append(out, c.Ticket)
	}
	return out
}

// cuePickTicket names a ticket rather than a product: "热水器那单", "空调那个工单", "油烟机
// 的单子", "两个单都".
var cuePickTicket = knowledge.MustGate(`(那|这)(一)?(个|张)?(单子|工单|单)|的(单子|工单)|(两|俩)(个|张)?(单子|工单|单)?都|(两|俩)(个|张)(单子|工单|单)`)

// cueBothTickets picks every ticket: "两个都改一下", "两张单都", "都是这个地址".
var cueBothTickets = knowledge.MustGate(`(两|俩|几)(个|张)?(单子|工单|单)?都|(两|俩)(个|张)(单子|工单|单)|全部|所有`)

// referredTickets reads a message that picks some of the customer's tickets by their
// product, or all of them ("热水器那单也是这个地址", "两个都改一下"): the numbers picked.
// The product named that way is no product of a case. nil when the message picks none.
func (d *Dialog) referredTickets(t *step) []string {
	c := t.c
	tx := compact(t.u.Canon)
	if len(c.Household) < 2 || !cuePickTicket.MatchString(tx) {
		return nil
	}
	all := c.household(t.in.At)
	if cueBothTickets.MatchString(tx) {
		return all
	}
	var out []string
	for _, cat := range mentionedCategories(tx, d.lexicon()) {
		for _, f := range c.Household {
			if f.Category == cat && slices.Contains(all, f.Number) && !slices.Contains(out, f.Number) {
				out = append(out, f.Number)
			}
		}
	}
	return out
}

// contactToTickets writes the contact the case now holds onto the tickets numbers: the
// current ticket gets its whole contact, as before; another only what changed since before
// (a zero before sends it all), so a detail of its own is kept.
func (d *Dialog) contactToTickets(t *step, before *Case, numbers []string) {
	c := t.c
	for _, n := range numbers {
		e := UpdateContact{Number: n}
		if n == c.Ticket {
			e.Name, e.Phone, e.Address, e.OtherPhone = c.Case.Name, c.Case.Phone.Number, c.Case.Address, c.Case.OtherPhone
		} else {
			if c.Case.Name != before.Name {
				e.Name = c.Case.Name
			}
			if c.Case.Phone != before.Phone || c.Case.OtherPhone != before.OtherPhone {
				e.Phone, e.OtherPhone = c.Case.Phone.Number, c.Case.OtherPhone
			}
			if c.Case.Address != before.Address {
				e.Address = c.Case.Address
			}
		}
		if c.Case.Lat != before.Lat || c.Case.Lng != before.Lng {
			e.Lat, e.Lng = c.Case.Lat, c.Case.Lng // a shared location: where the visit goes
		}
		if e.Name != "" || e.Phone != "" || e.Address != "" || e.OtherPhone != "" {
			t.do(e)
		}
	}
}

// ticketList is the numbers as one line names them: "RS…0006、RS…0007".
func ticketList(numbers []string) string { return strings.Join(numbers, "、") }

// cueNameLine names the name as the detail told: "名字都改成赵建华", "称呼写…".
var cueNameLine = knowledge.MustGate(`名字|姓名|称呼`)

// cueContactNamed names a contact detail: "这个地址和电话", "名字".
var cueContactNamed = knowledge.MustGate(`地址|电话|手机|号码|名字|姓名|称呼|联系方式`)

// readBackContact is the contact the case holds, as a confirmation names it: name, phone,
// address.
func (d *Dialog) readBackContact(c *Case) []string {
	var out []string
	for _, s := range []Slot{SlotName, SlotPhone, SlotAddress} {
		if v := d.show(c, s); v != "" {
			out = append(out, v)
		}
	}
	return out
}
