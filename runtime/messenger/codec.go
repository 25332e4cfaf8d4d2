package messenger

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// errShort is returned by a decoder that runs out of payload.
var errShort = errors.New("payload too short")

// encoder appends the wire encoding of fields to a byte slice. All integers
// are little-endian; byte strings and strings are a u32 length and then the
// bytes; lists are a u32 count and then the items.
type encoder struct{ b []byte }

func (e *encoder) u8(v uint8)   { e.b = append(e.b, v) }
func (e *encoder) u32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }
func (e *encoder) u64(v uint64) { e.b = binary.LittleEndian.AppendUint64(e.b, v) }
func (e *encoder) i64(v int64)  { e.u64(uint64(v)) }

func (e *encoder) flag(v bool) {
	if v {
		e.u8(1)
	} else {
		e.u8(0)
	}
}

func (e *encoder) bytes(v []byte) {
	e.u32(uint32(len(v)))
	e.b = append(e.b, v...)
}

func (e *encoder) str(v string) {
	e.u32(uint32(len(v)))
	e.b = append(e.b, v...)
}

func (e *encoder) strs(v []string) {
	e.u32(uint32(len(v)))
	for _, s := range v {
		e.str(s)
	}
}

// decoder reads fields from a payload. The first failure sticks: later
// reads return zero values, and err reports the first problem, so message
// decoders read every field and check err once.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.fail(fmt.Errorf("%w: need %d bytes, have %d", errShort, n, len(d.b)))
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) u8() uint8 {
	if b := d.take(1); b != nil {
		return b[0]
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if b := d.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *decoder) i64() int64 { return int64(d.u64()) }

// flag reads a boolean byte; anything but 0 or 1 is an error, so that every
// message has exactly one encoding.
func (d *decoder) flag() bool {
	switch v := d.u8(); v {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail(fmt.Errorf("boolean byte is %d, want 0 or 1", v))
		return false
	}
}

// bytes returns a byte string. It aliases the payload, which the caller
// owns and does not reuse.
func (d *decoder) bytes() []byte {
	n := d.u32()
	if d.err != nil {
		return nil
	}
	if uint64(n) > uint64(len(d.b)) {
		d.fail(fmt.Errorf("%w: byte string of %d bytes, %d left", errShort, n, len(d.b)))
		return nil
	}
	return d.take(int(n))
}

func (d *decoder) str() string { return string(d.bytes()) }

// strs reads a string list. The count is checked against the bytes left
// (each string needs at least its 4-byte length) before the slice is
// allocated.
func (d *decoder) strs() []string {
	n := d.u32()
	if d.err != nil {
		return nil
	}
	if uint64(n) > uint64(len(d.b))/4 {
		d.fail(fmt.Errorf("%w: list of %d strings, %d bytes left", errShort, n, len(d.b)))
		return nil
	}
	v := make([]string, 0, n)
	for i := uint32(0); i < n && d.err == nil; i++ {
		v = append(v, d.str())
	}
	return v
}

// done reports the first decoding error, or an error if bytes are left over.
func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d unexpected trailing bytes", len(d.b))
	}
	return d.err
}
