package messenger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
)

// frameBytes encodes one raw frame.
func frameBytes(t Type, flags uint16, id uint32, payload []byte) []byte {
	b := appendHeader(nil, Header{Len: uint32(len(payload)), Type: t, Flags: flags, ID: id})
	return append(b, payload...)
}

func TestFrameRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	payload := []byte("hello\x00world")
	if err := w.WriteMessage(TypeWrite, 42, payload); err != nil {
		t.Fatal(err)
	}
	if got := buf.Len(); got != HeaderSize+len(payload) {
		t.Fatalf("frame is %d bytes, want %d", got, HeaderSize+len(payload))
	}
	typ, id, got, err := ReadMessage(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if typ != TypeWrite || id != 42 || !bytes.Equal(got, payload) {
		t.Fatalf("got %v id %d %q, want Write id 42 %q", typ, id, got, payload)
	}
	if _, _, _, err := ReadMessage(&buf); err != io.EOF {
		t.Fatalf("read at clean end = %v, want io.EOF", err)
	}
}

// TestMultiFrameMessage sends a message of 2.5 frames and checks both the
// split (FlagMore on all but the last) and the reassembly.
func TestMultiFrameMessage(t *testing.T) {
	payload := make([]byte, MaxPayload*5/2)
	for i := range payload {
		payload[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	if err := NewWriter(&buf).WriteMessage(TypeReadFile|Reply, 9, payload); err != nil {
		t.Fatal(err)
	}
	raw := bytes.NewReader(buf.Bytes())
	var flags []uint16
	for {
		h, _, err := ReadFrame(raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		flags = append(flags, h.Flags)
	}
	if want := []uint16{FlagMore, FlagMore, 0}; !equalU16(flags, want) {
		t.Fatalf("frame flags %v, want %v", flags, want)
	}
	typ, id, got, err := ReadMessage(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if typ != TypeReadFile|Reply || id != 9 || !bytes.Equal(got, payload) {
		t.Fatalf("reassembled %v id %d, %d bytes (equal %v)", typ, id, len(got), bytes.Equal(got, payload))
	}
}

func equalU16(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// countingReader fails the test if more than limit bytes are read.
type countingReader struct {
	r    io.Reader
	read int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += n
	return n, err
}

func TestFrameErrors(t *testing.T) {
	huge := appendHeader(nil, Header{Len: MaxPayload + 1, Type: TypeWrite, ID: 1})
	maxLen := make([]byte, HeaderSize)
	binary.LittleEndian.PutUint32(maxLen, 0xffffffff)
	tests := []struct {
		name    string
		in      []byte
		wantIs  error
		wantMsg string
	}{
		{"oversized frame", huge, ErrFrameTooLarge, "exceeds maximum"},
		{"length 4 GiB", maxLen, ErrFrameTooLarge, "4294967295 bytes"},
		{"truncated header", frameBytes(TypeWrite, 0, 1, []byte("abc"))[:7], io.ErrUnexpectedEOF, "truncated frame header"},
		{"truncated payload", frameBytes(TypeWrite, 0, 1, []byte("abcdef"))[:15], io.ErrUnexpectedEOF, "truncated Write frame"},
		{"reserved flags", frameBytes(TypeWrite, 0x8000, 1, nil), ErrBadFlags, "0x8000"},
		{"continuation missing", frameBytes(TypeWrite, FlagMore, 1, []byte("a")), io.ErrUnexpectedEOF, "continuation"},
		{"continuation of another id", append(frameBytes(TypeWrite, FlagMore, 1, []byte("a")), frameBytes(TypeWrite, 0, 2, []byte("b"))...), ErrInterleaved, "id 2 inside Write id 1"},
		{"continuation of another type", append(frameBytes(TypeWrite, FlagMore, 1, []byte("a")), frameBytes(TypeStat, 0, 1, []byte("b"))...), ErrInterleaved, "Stat id 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cr := &countingReader{r: bytes.NewReader(tc.in)}
			_, _, _, err := ReadMessage(cr)
			if !errors.Is(err, tc.wantIs) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.wantIs, tc.wantMsg)
			}
		})
	}
}

// TestOversizedFrameReadsOnlyHeader checks that the length is refused
// before the payload is read (or allocated).
func TestOversizedFrameReadsOnlyHeader(t *testing.T) {
	in := append(appendHeader(nil, Header{Len: 1 << 31, Type: TypeWrite}), make([]byte, 100)...)
	cr := &countingReader{r: bytes.NewReader(in)}
	if _, _, err := ReadFrame(cr); !errors.Is(err, ErrFrameTooLarge) {
		t.Fatalf("err = %v, want ErrFrameTooLarge", err)
	}
	if cr.read != HeaderSize {
		t.Fatalf("read %d bytes, want only the %d-byte header", cr.read, HeaderSize)
	}
}

// TestEmptyMessage checks that a message with no payload is one bare
// header and reads back as an empty payload.
func TestEmptyMessage(t *testing.T) {
	var buf bytes.Buffer
	if err := NewWriter(&buf).WriteMessage(TypeArgs, 3, nil); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != HeaderSize {
		t.Fatalf("empty message is %d bytes, want %d", buf.Len(), HeaderSize)
	}
	typ, id, p, err := ReadMessage(&buf)
	if err != nil || typ != TypeArgs || id != 3 || len(p) != 0 {
		t.Fatalf("got %v id %d %q err %v", typ, id, p, err)
	}
}
