package bot

import "github.com/wxintake/intake/knowledge"

// confident decides whether a match is sure enough to walk the customer through its
// checks without asking which fault they mean: its calibrated confidence reaches the
// threshold tuned on the development split (knowledge.MinConfidence).
func confident(m knowledge.Match) bool {
	return m.Confidence >= knowledge.MinConfidence
}
