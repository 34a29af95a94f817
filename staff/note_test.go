package staff

import (
	"strings"
	"testing"
)

func TestCheckNoteText(t *testing.T) {
	for text, ok := range map[string]bool{
		"客户下午不在家，改约明天": true, "": false, "  \n": false,
		strings.Repeat("字", MaxNote): true, strings.Repeat("字", MaxNote+1): false,
	} {
		if (CheckNoteText(text) == nil) != ok {
			t.Errorf("CheckNoteText(%.20q) ok=%v", text, !ok)
		}
	}
}
