package evaluate

import (
	"bytes"
	"testing"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/bot/textmodel"
	"github.com/wxintake/intake/knowledge"
)

// floors are the least each figure may reach on the corpora's development split: a change
// that makes the bot understand customers worse fails here, with the misses to read. The
// test split is not checked in tests (it is reported by intake kb eval), so nobody tunes on it.
var floors = map[string]float64{
	// One dev line (r18-fm-0038, "手机泡了一晚上水 … 我能先充上电试试吗") is labelled water on live
	// electrics; the bot answers a wet phone with the wet-device advice (never charge, never
	// power on) and an engineer, not with the reply for water reaching live parts (switch off
	// the mains), which fits a flooded socket, not a phone: read as checked, not named.
	"hazard recall (first messages)": 0.998,
	// One dev line (r5-bh-0056, "孩子说头疼想吐" mid-conversation) is a hazard only because of
	// the case's product, which a corpus line does not carry; the dialog reads it from the
	// case (bot/testdata/understand/12_after_a_hazard.txt).
	"hazard recall (in conversation)":         0.995,
	"hazard no false alarm (first messages)":  0.97,
	"hazard no false alarm (in conversation)": 0.98,
	"rule top-1":                0.88,
	"rule top-3":                0.94,
	"category":                  0.88,
	"brand":                     0.93,
	"act (all)":                 0.90,
	"act solved":                0.95,
	"act not_solved":            0.95,
	"act handoff":               0.92,
	"act cancel":                0.90,
	"question topic":            0.82,
	"vague: no confident guess": 0.90,
	"slot model":                0.95,
	"slot purchase":             0.92,
	"slot phone":                0.95,
	"slot serial":               0.85,
	"slot warranty":             0.82,
	// whole scripted conversations (conversations.jsonl): a hazard told anywhere makes the
	// ticket urgent, a ticket is filed when one is asked for, solved or given-up ones file none
	"conversation ticket hazard urgent": 1.00,
	"conversation ticket filed":         0.95,
	// (0.92: r14-cv-0098 asks "要是有便宜点的办法给我打个电话" with its number, which files a
	// call-back ticket, then gives up; r16-cv-0043 asks for a person, which files a ticket for
	// the queue, then stops waiting ("唔等喇 拜拜"). Both give-ups are recorded on that ticket as
	// a wish to cancel, which staff confirm: a person was asked for, so the queue keeps it.)
	"conversation no ticket (solved or given up)": 0.92,
	"conversation without a re-ask":               0.85,
	"conversation ticket phone":                   0.95,
}

func TestCorpusFloors(t *testing.T) {
	kb := shippedKB(t)
	rep, err := Run("../../corpus", "dev", kb, bot.RuleReader{})
	if err != nil {
		t.Fatal(err)
	}
	failed := false
	for name, floor := range floors {
		s := rep.Get(name)
		if s.Total == 0 {
			t.Errorf("%s: no corpus lines", name)
			continue
		}
		if s.Rate() < floor {
			t.Errorf("%s = %s, under its floor %.0f%%", name, s, 100*floor)
			failed = true
		}
	}
	if failed {
		for _, m := range rep.Misses[:min(len(rep.Misses), 60)] {
			t.Log(m)
		}
	}
}

// TestShippedModels checks that the models in the binary are the ones the corpora's dev
// split (and, for acts, today's act patterns) train: a change to either without
// retraining fails here (run `go run ./cmd/intake kb train`).
func TestShippedModels(t *testing.T) {
	kb := shippedKB(t)
	acts, err := TrainActs("../../corpus", "dev", kb)
	if err != nil {
		t.Fatal(err)
	}
	hazards, err := TrainHazards("../../corpus", "dev")
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]*textmodel.Model{
		"acts.json.gz": {acts, textmodel.Acts()}, "hazards.json.gz": {hazards, textmodel.Hazards()},
	} {
		var want, got bytes.Buffer
		if err := pair[0].Encode(&want); err != nil {
			t.Fatal(err)
		}
		if err := pair[1].Encode(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("bot/textmodel/%s is not the model the corpus trains: run go run ./cmd/intake kb train", name)
		}
	}
}

// shippedKB is the knowledge shipped in the binary.
func shippedKB(t *testing.T) *bot.KnowledgeBase {
	t.Helper()
	set, err := knowledge.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	kb, err := bot.NewKnowledgeBase(set)
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

func TestSameModel(t *testing.T) {
	for _, c := range []struct {
		got, want string
		same      bool
	}{
		{"GT4 46mm", "GT4", true},
		{"iPhone 14 Pro Max 256G", "iPhone 14 Pro Max", true},
		{"拯救者y9000p 2023", "拯救者Y9000P 2023款", true},
		{"联想 Y9000P 2023", "Y9000P", true},
		{"ｋｆｒ－35gw", "KFR-35GW", true},
		{"A2338", "A2339", false},
		{"GT446", "GT4", false},
		{"Y9000P", "联想 Y9000P", false},
		{"R9000P", "Y9000P", false},
		{"", "GT4", false},
	} {
		if got := sameModel(c.got, c.want); got != c.same {
			t.Errorf("sameModel(%q, %q) = %v, want %v", c.got, c.want, got, c.same)
		}
	}
}
