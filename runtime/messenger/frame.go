package messenger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Frame limits. A frame's length field is checked against MaxPayload before
// anything is allocated, so a corrupt or hostile length costs nothing.
const (
	// HeaderSize is the size of a frame header.
	HeaderSize = 12
	// ChunkSize is the most data one stdio or file-handle message carries;
	// larger writes are split into several messages.
	ChunkSize = 1 << 20
	// MaxPayload is the largest payload of one frame: a chunk plus room
	// for the message's other fields.
	MaxPayload = ChunkSize + 4096
	// MaxMessage bounds a message reassembled from several frames (a
	// large directory listing, a long environment). File data never needs
	// more than one chunk per message: larger reads and writes go through
	// handles. Its buffer grows only with the bytes that actually arrive.
	MaxMessage = 16 << 20
)

// FlagMore on a frame says that the next frame on the stream continues the
// same message (same type and id). Every other flag bit must be zero.
const FlagMore uint16 = 1

// Protocol errors. They are fatal to the stream: a byte stream cannot be
// resynchronised after a bad frame.
var (
	ErrFrameTooLarge   = errors.New("messenger: frame payload exceeds maximum")
	ErrMessageTooLarge = errors.New("messenger: message exceeds maximum")
	ErrBadFlags        = errors.New("messenger: reserved frame flags set")
	ErrInterleaved     = errors.New("messenger: continuation frame does not match its message")
)

// Header is a decoded frame header.
type Header struct {
	Len   uint32 // payload bytes that follow the header
	Type  Type
	Flags uint16
	ID    uint32 // request id; a reply carries its request's id
}

// DecodeHeader decodes and validates a frame header.
func DecodeHeader(b []byte) (Header, error) {
	if len(b) < HeaderSize {
		return Header{}, fmt.Errorf("messenger: frame header is %d bytes, want %d: %w", len(b), HeaderSize, io.ErrUnexpectedEOF)
	}
	h := Header{
		Len:   binary.LittleEndian.Uint32(b[0:]),
		Type:  Type(binary.LittleEndian.Uint16(b[4:])),
		Flags: binary.LittleEndian.Uint16(b[6:]),
		ID:    binary.LittleEndian.Uint32(b[8:]),
	}
	if h.Len > MaxPayload {
		return h, fmt.Errorf("%w: %d bytes (type %v, id %d), maximum %d", ErrFrameTooLarge, h.Len, h.Type, h.ID, MaxPayload)
	}
	if h.Flags&^FlagMore != 0 {
		return h, fmt.Errorf("%w: %#04x (type %v, id %d)", ErrBadFlags, h.Flags, h.Type, h.ID)
	}
	return h, nil
}

// appendHeader appends the encoding of h to b.
func appendHeader(b []byte, h Header) []byte {
	b = binary.LittleEndian.AppendUint32(b, h.Len)
	b = binary.LittleEndian.AppendUint16(b, uint16(h.Type))
	b = binary.LittleEndian.AppendUint16(b, h.Flags)
	return binary.LittleEndian.AppendUint32(b, h.ID)
}

// ReadFrame reads one frame. A stream that ends cleanly before a header
// gives io.EOF; one that ends inside a frame gives io.ErrUnexpectedEOF.
func ReadFrame(r io.Reader) (Header, []byte, error) {
	var hb [HeaderSize]byte
	if _, err := io.ReadFull(r, hb[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return Header{}, nil, fmt.Errorf("messenger: truncated frame header: %w", err)
		}
		return Header{}, nil, err
	}
	h, err := DecodeHeader(hb[:])
	if err != nil {
		return h, nil, err
	}
	payload := make([]byte, h.Len)
	if _, err := io.ReadFull(r, payload); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return h, nil, fmt.Errorf("messenger: truncated %v frame (id %d, %d payload bytes): %w", h.Type, h.ID, h.Len, err)
	}
	return h, payload, nil
}

// ReadMessage reads one message, joining the frames of a multi-frame
// message. It returns the message's type, id and payload.
func ReadMessage(r io.Reader) (Type, uint32, []byte, error) {
	h, payload, err := ReadFrame(r)
	if err != nil {
		return 0, 0, nil, err
	}
	for more := h.Flags&FlagMore != 0; more; {
		next, p, err := ReadFrame(r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return 0, 0, nil, fmt.Errorf("messenger: reading continuation of %v (id %d): %w", h.Type, h.ID, err)
		}
		if next.Type != h.Type || next.ID != h.ID {
			return 0, 0, nil, fmt.Errorf("%w: %v id %d inside %v id %d", ErrInterleaved, next.Type, next.ID, h.Type, h.ID)
		}
		if len(payload)+len(p) > MaxMessage {
			return 0, 0, nil, fmt.Errorf("%w: %v (id %d) longer than %d bytes", ErrMessageTooLarge, h.Type, h.ID, MaxMessage)
		}
		payload = append(payload, p...)
		more = next.Flags&FlagMore != 0
	}
	return h.Type, h.ID, payload, nil
}

// Writer writes whole messages to a stream. The frames of one message are
// written back to back under a lock, so the receiver never sees two
// messages interleaved.
//
// Concurrency: WriteMessage is safe to call from any goroutine.
type Writer struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte // header and payload of the frame being written; under mu
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// bigFrame is the payload size from which a frame's header and payload
// go out as two Writes rather than one copy into a single buffer.
const bigFrame = 64 << 10

// WriteMessage writes a message, split into frames of at most MaxPayload
// bytes. Small frames go out in a single Write; a large payload is
// written after its header without being copied (the stream needs no
// write boundaries, and the lock keeps the two together).
func (w *Writer) WriteMessage(t Type, id uint32, payload []byte) error {
	if len(payload) > MaxMessage {
		return fmt.Errorf("%w: %v is %d bytes", ErrMessageTooLarge, t, len(payload))
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		n := min(len(payload), MaxPayload)
		h := Header{Len: uint32(n), Type: t, ID: id}
		if n < len(payload) {
			h.Flags = FlagMore
		}
		if err := w.writeFrame(h, payload[:n]); err != nil {
			return fmt.Errorf("messenger: writing %v (id %d): %w", t, id, err)
		}
		payload = payload[n:]
		if len(payload) == 0 {
			break
		}
	}
	if cap(w.buf) > 64<<10 {
		w.buf = nil // do not keep a megabyte alive after a big message
	}
	return nil
}

// writeFrame writes one frame's header and payload. Called with w.mu held.
func (w *Writer) writeFrame(h Header, payload []byte) error {
	w.buf = appendHeader(w.buf[:0], h)
	if len(payload) < bigFrame {
		w.buf = append(w.buf, payload...)
		_, err := w.w.Write(w.buf)
		return err
	}
	if _, err := w.w.Write(w.buf); err != nil {
		return err
	}
	_, err := w.w.Write(payload)
	return err
}
