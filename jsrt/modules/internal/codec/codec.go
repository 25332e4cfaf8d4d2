// Package codec converts between bytes and JavaScript strings the way node's
// Buffer and the WHATWG TextDecoder do. JS strings are UTF-16; Go strings
// handed to goja are UTF-8, so every function here works on UTF-16 units
// ([]uint16) where lone surrogates matter.
package codec

import (
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeUTF8 decodes b replacing each maximal invalid subpart with U+FFFD
// (the WHATWG and V8 rule; Go's utf8 package replaces byte by byte instead).
func DecodeUTF8(b []byte) []uint16 {
	out := make([]uint16, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, uint16(c))
			i++
			continue
		}
		n, lo, hi := seqInfo(c)
		if n == 0 {
			out = append(out, 0xFFFD)
			i++
			continue
		}
		cp := rune(c) & (0xFF >> (n + 1))
		j := 1
		for ; j < n; j++ {
			if i+j >= len(b) {
				break
			}
			d := b[i+j]
			l, h := byte(0x80), byte(0xBF)
			if j == 1 {
				l, h = lo, hi
			}
			if d < l || d > h {
				break
			}
			cp = cp<<6 | rune(d&0x3F)
		}
		if j < n {
			out = append(out, 0xFFFD)
			i += j
			continue
		}
		out = utf16.AppendRune(out, cp)
		i += n
	}
	return out
}

// seqInfo gives the length of the UTF-8 sequence led by c and the allowed
// range of its second byte (which excludes overlongs and surrogates), or n=0
// for bytes that cannot start a sequence.
func seqInfo(c byte) (n int, lo, hi byte) {
	switch {
	case c >= 0xC2 && c <= 0xDF:
		return 2, 0x80, 0xBF
	case c == 0xE0:
		return 3, 0xA0, 0xBF
	case c == 0xED:
		return 3, 0x80, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		return 3, 0x80, 0xBF
	case c == 0xF0:
		return 4, 0x90, 0xBF
	case c >= 0xF1 && c <= 0xF3:
		return 4, 0x80, 0xBF
	case c == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

// EncodeUTF8 encodes UTF-16 units, turning lone surrogates into U+FFFD.
func EncodeUTF8(s []uint16) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		r := rune(s[i])
		if utf16.IsSurrogate(r) {
			if r < 0xDC00 && i+1 < len(s) && s[i+1] >= 0xDC00 && s[i+1] <= 0xDFFF {
				r = utf16.DecodeRune(r, rune(s[i+1]))
				i++
			} else {
				r = utf8.RuneError
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// DecodeLatin1 maps each byte to the code unit of the same value.
func DecodeLatin1(b []byte) []uint16 {
	out := make([]uint16, len(b))
	for i, c := range b {
		out[i] = uint16(c)
	}
	return out
}

// DecodeASCII is node's 'ascii' decoding: the top bit is dropped.
func DecodeASCII(b []byte) []uint16 {
	out := make([]uint16, len(b))
	for i, c := range b {
		out[i] = uint16(c & 0x7F)
	}
	return out
}

// EncodeLatin1 keeps the low byte of each code unit (node's 'latin1' and
// 'ascii' encodings).
func EncodeLatin1(s []uint16) []byte {
	out := make([]byte, len(s))
	for i, u := range s {
		out[i] = byte(u)
	}
	return out
}

// DecodeUTF16LE reads little-endian code units; an odd trailing byte is
// dropped, as in node.
func DecodeUTF16LE(b []byte) []uint16 {
	out := make([]uint16, len(b)/2)
	for i := range out {
		out[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return out
}

// EncodeUTF16LE writes code units little-endian.
func EncodeUTF16LE(s []uint16) []byte {
	out := make([]byte, 2*len(s))
	for i, u := range s {
		out[2*i] = byte(u)
		out[2*i+1] = byte(u >> 8)
	}
	return out
}
