package bot

import (
	"strings"
	"unicode/utf8"
)

// SplitReply cuts text into messages of at most max bytes, preferring to cut at a line
// break, then after a sentence's end, and never inside a UTF-8 character. Empty text gives
// no messages.
func SplitReply(text string, max int) []string {
	text = strings.TrimSpace(text)
	var out []string
	for len(text) > max {
		cut := cutPoint(text, max)
		if part := strings.TrimSpace(text[:cut]); part != "" {
			out = append(out, part)
		}
		text = strings.TrimSpace(text[cut:])
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

func cutPoint(text string, max int) int {
	head := text[:max]
	for !utf8.ValidString(head) {
		head = head[:len(head)-1]
	}
	if i := strings.LastIndex(head, "\n"); i > len(head)/2 {
		return i + 1
	}
	for _, stop := range []string{"。", "！", "？", "；", "，"} {
		if i := strings.LastIndex(head, stop); i > len(head)/2 {
			return i + len(stop)
		}
	}
	return len(head)
}

// MaskOpenID shortens an OpenID for logs: enough to correlate lines, not to identify the
// customer.
func MaskOpenID(id string) string {
	if len(id) <= 8 {
		return "***"
	}
	return id[:4] + "…" + id[len(id)-3:]
}
