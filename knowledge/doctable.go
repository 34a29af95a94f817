package knowledge

// docTable is a small open-addressing hash table of per-document sums, sized to the few
// hundred documents a message reaches rather than to the whole index, so it stays in the
// processor's cache.
type docTable struct {
	slots []docSlot // a power of two long
	used  []int32   // the slots in use, in the order they were taken
}

// docSlot is a document's dot product with the message so far, and how many features
// they share.
type docSlot struct {
	doc    int32 // document id + 1; 0 is an empty slot
	shared int32
	dot    float32
}

// minDocSlots is the table's initial size; it doubles when half full.
const minDocSlots = 1024

// add adds w to the document's sum.
func (t *docTable) add(doc int32, w float32) {
	if len(t.slots) == 0 {
		t.slots = make([]docSlot, minDocSlots)
	}
	mask := uint32(len(t.slots) - 1)
	for i := uint32(doc) * 2654435761 & mask; ; i = (i + 1) & mask { // Knuth's multiplicative hash
		s := &t.slots[i]
		switch s.doc {
		case doc + 1:
			s.dot += w
			s.shared++
			return
		case 0:
			*s = docSlot{doc: doc + 1, shared: 1, dot: w}
			t.used = append(t.used, int32(i))
			if 2*len(t.used) > len(t.slots) {
				t.grow()
			}
			return
		}
	}
}

// grow doubles the table, keeping its sums.
func (t *docTable) grow() {
	old := make([]docSlot, 0, len(t.used))
	for _, i := range t.used {
		old = append(old, t.slots[i])
	}
	t.slots, t.used = make([]docSlot, 2*len(t.slots)), t.used[:0]
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		i := uint32(s.doc-1) * 2654435761 & mask
		for t.slots[i].doc != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		t.used = append(t.used, int32(i))
	}
}

// reset empties the table for the next message.
func (t *docTable) reset() {
	for _, i := range t.used {
		t.slots[i] = docSlot{}
	}
	t.used = t.used[:0]
}
