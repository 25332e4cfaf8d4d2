package buffer

import (
	"bytes"
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/codec"
)

// viewBytes returns the memory behind an ArrayBufferView (or ArrayBuffer).
func viewBytes(rt *goja.Runtime, v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if ab, ok := o.Export().(goja.ArrayBuffer); ok {
		return ab.Bytes(), true
	}
	var b []byte
	if err := rt.ExportTo(o, &b); err != nil {
		return nil, false
	}
	return b, true
}

func mustBytes(rt *goja.Runtime, v goja.Value) []byte {
	b, ok := viewBytes(rt, v)
	if !ok {
		panic(rt.NewTypeError("expected a Buffer or Uint8Array"))
	}
	return b
}

// encodeString turns a JS string into bytes in a node encoding name
// (already normalised by buffer.js).
func encodeString(v goja.Value, enc string) []byte {
	switch enc {
	case "hex":
		return decodeHex(v.String())
	case "base64", "base64url":
		return decodeBase64(v.String())
	case "latin1", "ascii":
		return codec.EncodeLatin1(codec.Units(v))
	case "utf16le":
		return codec.EncodeUTF16LE(codec.Units(v))
	default:
		return codec.EncodeUTF8(codec.Units(v))
	}
}

// decodeHex is node's lenient hex: it stops at the first pair that is not
// two hex digits and ignores an odd last digit.
func decodeHex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		hi, ok1 := hexVal(s[i])
		lo, ok2 := hexVal(s[i+1])
		if !ok1 || !ok2 {
			break
		}
		out = append(out, hi<<4|lo)
	}
	return out
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeBase64 accepts both alphabets, skips characters outside them and
// stops at the first '=', as node does.
func decodeBase64(s string) []byte {
	var clean strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			i = len(s)
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean.WriteByte(c)
		case c == '-':
			clean.WriteByte('+')
		case c == '_':
			clean.WriteByte('/')
		}
	}
	t := clean.String()
	if len(t)%4 == 1 { // a lone trailing sextet carries no whole byte
		t = t[:len(t)-1]
	}
	out, err := base64.RawStdEncoding.DecodeString(t)
	if err != nil {
		// Unreachable for the cleaned alphabet; keep what decoded.
		return out
	}
	return out
}

// decodeBytes turns bytes into a JS string in a node encoding.
func decodeBytes(rt *goja.Runtime, b []byte, enc string) goja.Value {
	switch enc {
	case "hex":
		const digits = "0123456789abcdef"
		out := make([]byte, 2*len(b))
		for i, c := range b {
			out[2*i] = digits[c>>4]
			out[2*i+1] = digits[c&15]
		}
		return rt.ToValue(string(out))
	case "base64":
		return rt.ToValue(base64.StdEncoding.EncodeToString(b))
	case "base64url":
		return rt.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case "latin1":
		return codec.ToValue(codec.DecodeLatin1(b))
	case "ascii":
		return codec.ToValue(codec.DecodeASCII(b))
	case "utf16le":
		return codec.ToValue(codec.DecodeUTF16LE(b))
	default:
		return codec.ToValue(codec.DecodeUTF8(b))
	}
}

// indexOf searches hay for needle from byteOffset, backwards if last.
func indexOf(hay, needle []byte, from int, last bool) int {
	if last {
		if from >= len(hay) {
			from = len(hay) - 1
		}
		end := from + len(needle)
		if end > len(hay) {
			end = len(hay)
		}
		if from < 0 {
			return -1
		}
		return bytes.LastIndex(hay[:end], needle)
	}
	if from < 0 {
		from = 0
	}
	if from > len(hay) {
		return -1
	}
	if len(needle) == 0 {
		return from
	}
	i := bytes.Index(hay[from:], needle)
	if i < 0 {
		return -1
	}
	return from + i
}
