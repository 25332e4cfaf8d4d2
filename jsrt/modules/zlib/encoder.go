package zlib

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
)

// Flush kinds, as node's zlib.constants (Z_*) and, for brotli, its
// BROTLI_OPERATION_* numbers mapped onto the same three actions.
const (
	flushNone = iota
	flushSync
	flushFinish
)

// encoder is a compressor for the stream forms: each write returns the
// bytes it produced, so a flush reaches the reader at once. The zlib and
// gzip framing is written here, over a raw flate writer, so that params()
// can swap the flate writer for one at a new level mid-stream (Go's
// compressors cannot change level) without restarting the checksums.
type encoder struct {
	out    bytes.Buffer
	mode   int
	level  int
	fw     *flate.Writer
	br     *brotli.Writer
	sum    hash.Hash32
	size   uint32
	window []byte // the last 32 KiB written, the dictionary for a new level
	done   bool
}

func newEncoder(mode int, o options) (*encoder, error) {
	e := &encoder{mode: mode, level: o.Level}
	switch mode {
	case modeBrotliEncode:
		e.br = brotli.NewWriterOptions(&e.out, brotli.WriterOptions{Quality: o.Quality, LGWin: o.LGWin})
		return e, nil
	case modeGzip:
		xfl := byte(0)
		switch goLevel(o.Level) {
		case flate.BestCompression:
			xfl = 2
		case flate.BestSpeed:
			xfl = 4
		}
		e.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
		e.sum = crc32.NewIEEE()
	case modeDeflate:
		e.out.Write(zlibHeader(o.Level, o.Dictionary))
		e.sum = adler32.New()
	}
	e.window = o.Dictionary
	return e, e.newFlate(o.Level)
}

// zlibHeader is RFC 1950's two bytes (and dictionary id), with the level
// bits zlib writes.
func zlibHeader(level int, dict []byte) []byte {
	var lb byte
	switch goLevel(level) {
	case 0, 1:
		lb = 0
	case 2, 3, 4, 5:
		lb = 1
	case 6, flate.DefaultCompression:
		lb = 2
	default:
		lb = 3
	}
	h := []byte{0x78, lb << 6}
	if dict != nil {
		h[1] |= 1 << 5
	}
	h[1] += byte(31 - (uint16(h[0])<<8+uint16(h[1]))%31)
	if dict != nil {
		h = binary.BigEndian.AppendUint32(h, adler32.Checksum(dict))
	}
	return h
}

func (e *encoder) newFlate(level int) error {
	var err error
	if e.window != nil {
		e.fw, err = flate.NewWriterDict(&e.out, goLevel(level), e.window)
	} else {
		e.fw, err = flate.NewWriter(&e.out, goLevel(level))
	}
	if err != nil {
		return fmt.Errorf("zlib: compressor: %w", err)
	}
	e.level = level
	return nil
}

// write compresses in and flushes as asked, returning the output so far.
func (e *encoder) write(in []byte, flush int) ([]byte, error) {
	if e.done {
		return nil, nil
	}
	if err := e.writeData(in); err != nil {
		return nil, err
	}
	var err error
	switch {
	case flush == flushFinish:
		err = e.finish()
	case flush == flushSync && e.br != nil:
		err = e.br.Flush()
	case flush == flushSync:
		err = e.fw.Flush()
	}
	if err != nil {
		return nil, fmt.Errorf("zlib: compress: %w", err)
	}
	out := bytes.Clone(e.out.Bytes())
	e.out.Reset()
	return out, nil
}

func (e *encoder) writeData(in []byte) error {
	if len(in) == 0 {
		return nil
	}
	if e.br != nil {
		_, err := e.br.Write(in)
		return err
	}
	if _, err := e.fw.Write(in); err != nil {
		return fmt.Errorf("zlib: compress: %w", err)
	}
	if e.sum != nil {
		e.sum.Write(in)
		e.size += uint32(len(in))
	}
	e.window = append(e.window, in...)
	if n := len(e.window) - 32<<10; n > 0 {
		e.window = append([]byte(nil), e.window[n:]...)
	}
	return nil
}

func (e *encoder) finish() error {
	e.done = true
	if e.br != nil {
		return e.br.Close()
	}
	if err := e.fw.Close(); err != nil {
		return err
	}
	switch e.mode {
	case modeGzip:
		e.out.Write(binary.LittleEndian.AppendUint32(nil, e.sum.Sum32()))
		e.out.Write(binary.LittleEndian.AppendUint32(nil, e.size))
	case modeDeflate:
		e.out.Write(binary.BigEndian.AppendUint32(nil, e.sum.Sum32()))
	}
	return nil
}

// params ends the current deflate block with a sync flush and goes on at
// a new level, with what was written so far as the dictionary.
func (e *encoder) params(level int) ([]byte, error) {
	if e.br != nil || e.done || level == e.level {
		return e.write(nil, flushSync)
	}
	if err := e.fw.Flush(); err != nil {
		return nil, fmt.Errorf("zlib: params: %w", err)
	}
	if err := e.newFlate(level); err != nil {
		return nil, err
	}
	out := bytes.Clone(e.out.Bytes())
	e.out.Reset()
	return out, nil
}

// encoderObject is the JS face of an encoder: write(bytes, flush) and
// params(level), each returning an ArrayBuffer.
func encoderObject(rt *goja.Runtime, mode int, ov goja.Value) goja.Value {
	e, err := newEncoder(mode, optionsOf(rt, ov))
	if err != nil {
		panic(rt.NewGoError(err))
	}
	ret := func(out []byte, err error) goja.Value {
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(rt.NewArrayBuffer(out))
	}
	obj := rt.NewObject()
	obj.Set("write", func(in goja.Value, flush int) goja.Value {
		var b []byte
		if !goja.IsUndefined(in) && !goja.IsNull(in) {
			b = bytesOf(rt, in)
		}
		return ret(e.write(b, flush))
	})
	obj.Set("params", func(level int) goja.Value { return ret(e.params(level)) })
	return obj
}
