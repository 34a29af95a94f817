package bot

import (
	"context"

	"github.com/wxintake/intake/knowledge"
)

// A complaint risk is a customer who names a way to escalate (12315, 消协, the media, a
// lawyer: the strong complaint cues), complains a second time, or whose fault came back
// after a repair. The case is escalated at once to a senior person; Case.Complaint keeps
// the words that made it one, and the ticket is flagged (package effects adds a demand to
// return the product and an earlier repair of the same fault found among the customer's
// tickets).

// cueRepeatFault is the same fault back after a repair: "修了两次又坏了", "刚修好又漏水".
var cueRepeatFault = knowledge.MustGate(`(修|坏)了(两|三|四|五|好几|n|2|3|4|5)次|第(二|三|四|2|3|4)次(了|坏|修)|反复坏|一直修不好|修不好|白修|仍未修好|还没修好|都没修好|修完(才|没)[^,，。!?？]{0,6}又|修(过|好|完)[^,，。!?？]{0,8}又(坏|不|漏|响|出|开始|是)|刚修[^,，。!?？]{0,6}又|(来|上门|师傅)修(的|了|过|好)[^,，。!?？]{0,10}又|(上次|才|刚刚)修[^,，。!?？]{0,8}又|维修(后|完|过)[^,，。!?？]{0,8}又|(刚|上周|上礼拜|上星期|上个月|前几天|前天|昨天)[^。!?？]{0,4}(修过|修好|修完|来修|修的)[^。!?？]{0,30}(又|还是一样|跟修之前|和修之前|一模一样)|(跟|和)修(之前|以前|前)(一模一样|一样|没区别)`)

// repeatFault reports a message telling the fault is back after a repair; it returns the
// words that say so.
func repeatFault(u *Understanding) (string, bool) {
	ev := cueRepeatFault.FindString(compact(u.Canon))
	return ev, ev != ""
}

// complaintWords are the words that make the case a complaint risk, for staff: the repeat
// of a repaired fault, else the way to escalate named (12315, 媒体), else the complaint
// act's evidence.
func complaintWords(u *Understanding, a Act) string {
	if ev, ok := repeatFault(u); ok {
		return ev
	}
	if m := cueComplaintStrong.FindStringSubmatch(compact(u.Canon)); m != nil {
		if len(m) > 2 && m[2] != "" {
			return m[2] // 12315 without the words around it
		}
		return m[0]
	}
	if a.Evidence != "" {
		return a.Evidence
	}
	return truncateRunes(u.Text, 20)
}

// FlagComplaint marks the customer's ticket Number a complaint risk, after it was filed:
// "再不来我就打12315". Words are what made it one; Notes are the case's complaint notes as
// they now stand (Case.ComplaintNotes), written on the ticket even when it is flagged already.
type FlagComplaint struct {
	Number string
	Words  string
	Notes  []string
}

func (FlagComplaint) effect() {}

// FlagHazard makes the customer's filed ticket Number urgent: a hazard told while it waits
// for a person or an engineer ("外机那边还啪啪响了两声"). Rule is the safety rule that fired.
type FlagHazard struct {
	Number string
	Rule   string
}

func (FlagHazard) effect() {}

// HazardFlagger is the optional part of a Backend that raises a filed ticket for a hazard:
// urgent, due within the urgent target from now when that is sooner, staff alerted.
type HazardFlagger interface {
	FlagHazard(ctx context.Context, openID string, e FlagHazard) error
}

// UpdateContact writes the contact a customer told after filing onto ticket Number: the
// case's name, phone number and address as they now stand ("" leaves a field as it is).
type UpdateContact struct {
	Number  string
	Name    string
	Phone   string
	Address string
	// OtherPhone is a second contact as told, with whose it is ("我妈家座机027-88765432
	// （上门联系）"), kept beside the customer's phone.
	OtherPhone string
	// Window is when the customer can be phoned or visited, as told ("晚上六点半以后"); it is
	// noted on the ticket for the person who calls.
	Window string
	// Lat and Lng are where a location the customer shared puts the address; zero when none.
	Lat, Lng float64
}

func (UpdateContact) effect() {}

// UpdateDetails writes the product details a customer told after filing onto ticket
// Number ("是前年买的 不是去年", "序列号是…", "二手的"): the case's brand, model, serial
// number, purchase date, channel, purchase doubt and extended warranty as they now stand
// (a zero field leaves the ticket's as it is). The warranty is decided again on them.
// A product corrected ("不是平板，是燃气灶") comes as Facts.Category and Facts.Product,
// with the brand as it now stands: then an empty brand clears the ticket's.
type UpdateDetails struct {
	Number     string
	Facts      Facts
	ProofDoubt string
	// Rule is the safety rule of a hazard the customer corrected ("不是燃气味 是塑料烧糊的味道"):
	// it replaces the ticket's; "" leaves the ticket's rule.
	Rule string
}

func (UpdateDetails) effect() {}

// DetailsUpdater is the optional part of a Backend that writes later product details onto
// a filed ticket.
type DetailsUpdater interface {
	UpdateDetails(ctx context.Context, openID string, e UpdateDetails) error
}

// ContactUpdater is the optional part of a Backend that writes a later contact onto a
// filed ticket.
type ContactUpdater interface {
	UpdateContact(ctx context.Context, openID string, e UpdateContact) error
}
