package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"reflect"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
)

// Modes, numbered as node's zlib.constants (DEFLATE ... BROTLI_ENCODE).
const (
	modeDeflate = 1 + iota
	modeInflate
	modeGzip
	modeGunzip
	modeDeflateRaw
	modeInflateRaw
	modeUnzip
	modeBrotliDecode
	modeBrotliEncode
)

// options are the checked options zlib.js passes down.
type options struct {
	Level           int
	WindowBits      int
	Dictionary      []byte
	Quality         int
	LGWin           int
	MaxOutputLength int64
}

// zError is a failure as node reports it: an Error with errno and code.
type zError struct {
	msg   string
	errno int
	code  string
}

func (e *zError) Error() string { return e.msg }

var (
	errEOF        = &zError{"unexpected end of file", -5, "Z_BUF_ERROR"}
	errHeader     = &zError{"incorrect header check", -3, "Z_DATA_ERROR"}
	errMethod     = &zError{"unknown compression method", -3, "Z_DATA_ERROR"}
	errWindow     = &zError{"invalid window size", -3, "Z_DATA_ERROR"}
	errDataCheck  = &zError{"incorrect data check", -3, "Z_DATA_ERROR"}
	errNeedDict   = &zError{"Missing dictionary", 2, "Z_NEED_DICT"}
	errBadDict    = &zError{"Bad dictionary", 2, "Z_NEED_DICT"}
	errBlockType  = &zError{"invalid block type", -3, "Z_DATA_ERROR"}
	errStoredLens = &zError{"invalid stored block lengths", -3, "Z_DATA_ERROR"}
	// errTooLarge is node's ERR_BUFFER_TOO_LARGE (a RangeError); zlib.js
	// words it with the limit.
	errTooLarge = errors.New("output larger than maxOutputLength")
)

// process runs one whole-buffer operation.
func process(mode int, in []byte, o options) ([]byte, error) {
	switch mode {
	case modeDeflate, modeGzip, modeDeflateRaw:
		return compress(mode, in, o)
	case modeBrotliEncode:
		var out bytes.Buffer
		w := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: o.Quality, LGWin: o.LGWin})
		if _, err := w.Write(in); err != nil {
			return nil, fmt.Errorf("brotli compress: %w", err)
		}
		if err := w.Close(); err != nil {
			return nil, fmt.Errorf("brotli compress: %w", err)
		}
		return out.Bytes(), nil
	case modeBrotliDecode:
		out, err := readLimited(brotli.NewReader(bytes.NewReader(in)), o.MaxOutputLength)
		if err != nil && err.Error() == "brotli: excessive input" {
			// Bytes after the end of the stream: node ignores them.
			return out, nil
		}
		return out, brotliError(err)
	case modeInflate:
		return inflateZlib(in, o)
	case modeGunzip:
		return gunzip(in, o)
	case modeUnzip:
		if len(in) >= 2 && in[0] == 0x1f && in[1] == 0x8b {
			return gunzip(in, o)
		}
		if len(in) == 1 && in[0] == 0x1f {
			return nil, errEOF
		}
		return inflateZlib(in, o)
	case modeInflateRaw:
		out, _, err := inflateRaw(in, o.Dictionary, o.MaxOutputLength)
		return out, err
	}
	return nil, fmt.Errorf("zlib: unknown mode %d", mode)
}

// goLevel maps zlib's -1..9 onto compress/flate's levels (the same numbers,
// with -1 as the default).
func goLevel(level int) int {
	if level < 0 {
		return flate.DefaultCompression
	}
	return level
}

func compress(mode int, in []byte, o options) ([]byte, error) {
	var out bytes.Buffer
	var w io.WriteCloser
	var err error
	switch mode {
	case modeDeflate:
		if o.Dictionary != nil {
			w, err = zlib.NewWriterLevelDict(&out, goLevel(o.Level), o.Dictionary)
		} else {
			w, err = zlib.NewWriterLevel(&out, goLevel(o.Level))
		}
	case modeGzip:
		var gw *gzip.Writer
		gw, err = gzip.NewWriterLevel(&out, goLevel(o.Level))
		if err == nil {
			gw.OS = 3 // Unix, as zlib on Linux writes
		}
		w = gw
	default:
		if o.Dictionary != nil {
			w, err = flate.NewWriterDict(&out, goLevel(o.Level), o.Dictionary)
		} else {
			w, err = flate.NewWriter(&out, goLevel(o.Level))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("zlib: compressor: %w", err)
	}
	if _, err := w.Write(in); err != nil {
		return nil, fmt.Errorf("zlib: compress: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("zlib: compress: %w", err)
	}
	return out.Bytes(), nil
}

// readLimited reads r to the end, failing with errTooLarge past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(r, max+1))
	if int64(len(out)) > max {
		return nil, errTooLarge
	}
	return out, err
}

// brotliError turns the brotli package's errors into node's: a format
// error carries the decoder's error code (the package does not export its
// type, so the integer is read by reflection), which zlib.js names as
// node does (ERR__ERROR_FORMAT_...).
func brotliError(err error) error {
	if err == nil || err == errTooLarge {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errEOF
	}
	if v := reflect.ValueOf(err); v.Kind() == reflect.Int {
		return &zError{"Decompression failed", int(v.Int()), ""}
	}
	return &zError{"Decompression failed", -31, ""}
}

func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	// process(mode, bytes, opts) -> ArrayBuffer, or {message, errno, code}
	// for a data error, or {tooLarge: true}.
	h.Set("process", func(mode int, in goja.Value, ov goja.Value) goja.Value {
		out, err := process(mode, bytesOf(rt, in), optionsOf(rt, ov))
		var ze *zError
		switch {
		case err == nil:
			return rt.ToValue(rt.NewArrayBuffer(out))
		case err == errTooLarge:
			return rt.ToValue(map[string]any{"tooLarge": true})
		case errors.As(err, &ze):
			return rt.ToValue(map[string]any{"message": ze.msg, "errno": ze.errno, "code": ze.code})
		}
		panic(rt.NewGoError(err))
	})
	h.Set("encoder", func(mode int, ov goja.Value) goja.Value { return encoderObject(rt, mode, ov) })
	h.Set("crc32", func(in goja.Value, value uint32) uint32 {
		return crc32.Update(value, crc32.IEEETable, bytesOf(rt, in))
	})
	return h
}

// optionsOf reads the options zlib.js checked: level, windowBits,
// dictionary (bytes or undefined), quality, lgwin, maxOutputLength.
func optionsOf(rt *goja.Runtime, v goja.Value) options {
	obj := v.ToObject(rt)
	num := func(name string) int64 { return obj.Get(name).ToInteger() }
	o := options{
		Level:           int(num("level")),
		WindowBits:      int(num("windowBits")),
		Quality:         int(num("quality")),
		LGWin:           int(num("lgwin")),
		MaxOutputLength: num("maxOutputLength"),
	}
	if d := obj.Get("dictionary"); d != nil && !goja.IsUndefined(d) {
		o.Dictionary = bytesOf(rt, d)
		if o.Dictionary == nil {
			o.Dictionary = []byte{}
		}
	}
	return o
}

// bytesOf returns the bytes viewed by a typed array or DataView.
func bytesOf(rt *goja.Runtime, v goja.Value) []byte {
	var b []byte
	if err := rt.ExportTo(v, &b); err != nil {
		panic(rt.NewTypeError("zlib: expected bytes: " + err.Error()))
	}
	return b
}
