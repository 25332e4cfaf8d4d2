package codec

import "github.com/dop251/goja"

// Units returns the UTF-16 code units of v converted to a string, keeping
// lone surrogates (v.String() would turn them into U+FFFD).
func Units(v goja.Value) []uint16 {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return nil
	}
	n := s.Length()
	out := make([]uint16, n)
	for i := 0; i < n; i++ {
		out[i] = s.CharAt(i)
	}
	return out
}

// ToValue makes a JS string from UTF-16 code units, lone surrogates included.
func ToValue(units []uint16) goja.Value {
	var b goja.StringBuilder
	ascii := true
	for _, u := range units {
		if u >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		b.LikelyUnicode(len(units))
	} else {
		b.Grow(len(units))
	}
	for _, u := range units {
		b.WriteRune(rune(u))
	}
	return b.String()
}
