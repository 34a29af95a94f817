package knowledge

import (
	"reflect"
	"strconv"
	"unsafe"
)

// strArena packs many small strings that live as long as a knowledge base into a few
// large byte blocks. A 10,000-rule set has about a million phrases, samples and reason
// strings; as separate allocations each is an object the garbage collector marks on every
// cycle, as arena strings they are a few hundred blocks. Bytes are only ever appended
// after the strings handed out, never changed, so the strings stay immutable.
type strArena struct {
	buf     []byte
	scratch []byte
}

// arenaBlock is the size of an arena's blocks; longer strings are not packed.
const arenaBlock = 64 << 10

// add returns s with its bytes in the arena.
func (a *strArena) add(s string) string {
	if s == "" || len(s) > arenaBlock/4 {
		return s
	}
	if cap(a.buf)-len(a.buf) < len(s) {
		a.buf = make([]byte, 0, arenaBlock)
	}
	start := len(a.buf)
	a.buf = append(a.buf, s...)
	return unsafe.String(&a.buf[start], len(s))
}

// addBytes is add of string(b), without converting first.
func (a *strArena) addBytes(b []byte) string {
	if len(b) > arenaBlock/4 {
		return string(b)
	}
	return a.add(unsafe.String(unsafe.SliceData(b), len(b)))
}

// quoted returns prefix followed by text quoted as strconv.Quote does: `keyword "不制冷"`.
func (a *strArena) quoted(prefix, text string) string {
	a.scratch = strconv.AppendQuote(append(a.scratch[:0], prefix...), text)
	return a.addBytes(a.scratch)
}

// packStrings moves every string reachable from v (a pointer to a decoded document:
// structs, slices, arrays and pointers of them) into arena, equal strings sharing their
// bytes.
func packStrings(v any, arena *strArena) {
	seen := make(map[string]string)
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			s := v.String()
			if s == "" {
				return
			}
			p, ok := seen[s]
			if !ok {
				p = arena.add(s)
				seen[p] = p
			}
			v.SetString(p)
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(v))
}
