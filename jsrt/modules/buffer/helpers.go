package buffer

import (
	"bytes"

	"github.com/dop251/goja"
)

// helpers are the Go functions buffer.js reaches through `internal`. Byte
// arguments are typed arrays; offsets have been validated by the JS side.
func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	// fromString(str, enc) -> ArrayBuffer
	h.Set("fromString", func(s goja.Value, enc string) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer(encodeString(s, enc)))
	})
	// byteLength(str, enc) -> number
	h.Set("byteLength", func(s goja.Value, enc string) int {
		return len(encodeString(s, enc))
	})
	// toString(view, enc, start, end) -> string
	h.Set("toString", func(v goja.Value, enc string, start, end int) goja.Value {
		b := mustBytes(rt, v)
		return decodeBytes(rt, b[start:end], enc)
	})
	// write(view, str, offset, maxLength, enc) -> bytes written. UTF-8 and
	// UTF-16 never write a partial character, as in node.
	h.Set("write", func(v goja.Value, s goja.Value, off, max int, enc string) int {
		b := mustBytes(rt, v)[off:]
		if max < len(b) {
			b = b[:max]
		}
		data := encodeString(s, enc)
		if len(data) <= len(b) {
			return copy(b, data)
		}
		n := len(b)
		switch enc {
		case "utf8":
			for n > 0 && n < len(data) && data[n]&0xC0 == 0x80 {
				n--
			}
		case "utf16le":
			n &^= 1
		}
		return copy(b, data[:n])
	})
	h.Set("compare", func(a, b goja.Value) int {
		return bytes.Compare(mustBytes(rt, a), mustBytes(rt, b))
	})
	// indexOf(hay, needle, byteOffset, last) -> index or -1
	h.Set("indexOf", func(hay, needle goja.Value, from int, last bool) int {
		return indexOf(mustBytes(rt, hay), mustBytes(rt, needle), from, last)
	})
	// fillPattern(view, pattern, start, end) repeats pattern over [start,end).
	h.Set("fillPattern", func(v, p goja.Value, start, end int) {
		b := mustBytes(rt, v)[start:end]
		pat := mustBytes(rt, p)
		if len(pat) == 0 {
			return
		}
		for i := 0; i < len(b); i += len(pat) {
			copy(b[i:], pat)
		}
	})
	return h
}
