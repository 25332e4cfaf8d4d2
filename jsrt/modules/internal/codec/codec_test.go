package codec

import (
	"slices"
	"testing"
	"unicode/utf16"
)

// TestDecodeUTF8 checks the WHATWG replacement rule (one U+FFFD per maximal
// invalid subpart); expectations match node's Buffer#toString.
func TestDecodeUTF8(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"ascii", []byte("abc"), "abc"},
		{"two byte", []byte{0xc3, 0xa9}, "é"},
		{"astral", []byte{0xf0, 0x9f, 0x98, 0x80}, "😀"},
		{"truncated three byte is one replacement", []byte{0xe2, 0x82}, "\ufffd"},
		{"truncated then ascii", []byte{0xe2, 0x82, 'A'}, "\ufffdA"},
		{"lone continuation", []byte{0x80, 'x'}, "\ufffdx"},
		{"invalid lead", []byte{0xff, 0xfe}, "\ufffd\ufffd"},
		{"overlong", []byte{0xc0, 0xaf}, "\ufffd\ufffd"},
		{"surrogate encoded", []byte{0xed, 0xa0, 0x80}, "\ufffd\ufffd\ufffd"},
		{"above U+10FFFF", []byte{0xf4, 0x90, 0x80, 0x80}, "\ufffd\ufffd\ufffd\ufffd"},
	}
	for _, c := range cases {
		got := DecodeUTF8(c.in)
		if want := utf16.Encode([]rune(c.want)); !slices.Equal(got, want) {
			t.Errorf("%s: DecodeUTF8(% x) = %U, want %U", c.name, c.in, got, want)
		}
	}
}

func TestEncodeUTF8LoneSurrogates(t *testing.T) {
	cases := []struct {
		in   []uint16
		want []byte
	}{
		{[]uint16{'a'}, []byte("a")},
		{[]uint16{0xd83d, 0xde00}, []byte("😀")},
		{[]uint16{0xd83d}, []byte{0xef, 0xbf, 0xbd}},
		{[]uint16{0xde00, 'b'}, []byte{0xef, 0xbf, 0xbd, 'b'}},
	}
	for _, c := range cases {
		if got := EncodeUTF8(c.in); !slices.Equal(got, c.want) {
			t.Errorf("EncodeUTF8(%U) = % x, want % x", c.in, got, c.want)
		}
	}
}

func TestSingleByteAndUTF16(t *testing.T) {
	if got := DecodeASCII([]byte{0xe9, 'a'}); !slices.Equal(got, []uint16{0x69, 'a'}) {
		t.Errorf("DecodeASCII dropped the wrong bit: %U", got)
	}
	if got := DecodeLatin1([]byte{0xe9}); !slices.Equal(got, []uint16{0xe9}) {
		t.Errorf("DecodeLatin1 = %U", got)
	}
	if got := EncodeLatin1([]uint16{0x20ac}); !slices.Equal(got, []byte{0xac}) {
		t.Errorf("EncodeLatin1 must keep the low byte: % x", got)
	}
	if got := DecodeUTF16LE([]byte{0x61, 0, 0x62}); !slices.Equal(got, []uint16{'a'}) {
		t.Errorf("DecodeUTF16LE must drop an odd byte: %U", got)
	}
	if got := EncodeUTF16LE([]uint16{0x20ac}); !slices.Equal(got, []byte{0xac, 0x20}) {
		t.Errorf("EncodeUTF16LE = % x", got)
	}
}
