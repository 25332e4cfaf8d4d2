package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"hash/adler32"
	"io"
)

// inflateRaw decompresses a raw deflate stream from the start of in and
// reports how many bytes of in it used. Reading from a bytes.Reader (an
// io.ByteReader) keeps flate from reading ahead, so the count is exact.
func inflateRaw(in, dict []byte, max int64) (out []byte, used int, err error) {
	br := bytes.NewReader(in)
	out, err = readLimited(flate.NewReaderDict(br, dict), max)
	if err != nil {
		return nil, 0, flateError(err, in)
	}
	return out, len(in) - br.Len(), nil
}

// flateError maps compress/flate's errors onto zlib's messages. Go reports
// only "corrupt input at offset n", so a corrupt stream gets zlib's exact
// message when its first block header shows the cause (a reserved block
// type, a stored block whose lengths disagree) and zlib's most common one,
// "invalid distance too far back", otherwise.
func flateError(err error, in []byte) error {
	var corrupt flate.CorruptInputError
	switch {
	case err == errTooLarge:
		return err
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errEOF
	case errors.As(err, &corrupt):
		if len(in) > 0 {
			switch (in[0] >> 1) & 3 {
			case 3:
				return errBlockType
			case 0:
				if len(in) >= 5 && binary.LittleEndian.Uint16(in[1:]) != ^binary.LittleEndian.Uint16(in[3:]) {
					return errStoredLens
				}
			}
		}
		return &zError{"invalid distance too far back", -3, "Z_DATA_ERROR"}
	}
	return err
}

// inflateZlib decompresses the zlib format (RFC 1950): a two-byte header,
// an optional dictionary id, raw deflate, an Adler-32 trailer. The header
// is checked here, in zlib's order, so each failure gets zlib's message.
// Bytes after the trailer are ignored, as node does.
func inflateZlib(in []byte, o options) ([]byte, error) {
	if len(in) < 2 {
		return nil, errEOF
	}
	cmf, flg := in[0], in[1]
	switch {
	case (uint16(cmf)<<8|uint16(flg))%31 != 0:
		return nil, errHeader
	case cmf&0x0f != 8:
		return nil, errMethod
	}
	wbits := int(cmf>>4) + 8
	if wbits > 15 || (o.WindowBits != 0 && wbits > o.WindowBits) {
		return nil, errWindow
	}
	rest := in[2:]
	var dict []byte
	if flg&0x20 != 0 {
		if len(rest) < 4 {
			return nil, errEOF
		}
		switch {
		case o.Dictionary == nil:
			return nil, errNeedDict
		case adler32.Checksum(o.Dictionary) != binary.BigEndian.Uint32(rest):
			return nil, errBadDict
		}
		dict, rest = o.Dictionary, rest[4:]
	}
	out, used, err := inflateRaw(rest, dict, o.MaxOutputLength)
	if err != nil {
		return nil, err
	}
	trailer := rest[used:]
	if len(trailer) < 4 {
		return nil, errEOF
	}
	if binary.BigEndian.Uint32(trailer) != adler32.Checksum(out) {
		return nil, errDataCheck
	}
	return out, nil
}

// gunzip decompresses gzip members (RFC 1952) one after another, as node
// does: after a member, more input that does not start with a zero byte is
// read as another member; a zero byte ends the data (padding).
func gunzip(in []byte, o options) ([]byte, error) {
	var out []byte
	for {
		switch {
		case len(in) == 0 || (len(in) == 1 && in[0] == 0x1f):
			return nil, errEOF
		case in[0] != 0x1f || in[1] != 0x8b:
			return nil, errHeader
		case len(in) >= 3 && in[2] != 8:
			return nil, errMethod
		}
		br := bytes.NewReader(in)
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, gzipError(err, nil)
		}
		zr.Multistream(false)
		member, err := readLimited(zr, o.MaxOutputLength-int64(len(out)))
		if err != nil {
			return nil, gzipError(err, nil)
		}
		out = append(out, member...)
		in = in[len(in)-br.Len():]
		if len(in) == 0 || in[0] == 0 {
			return out, nil
		}
	}
}

func gzipError(err error, in []byte) error {
	switch {
	case errors.Is(err, gzip.ErrChecksum):
		return errDataCheck
	case errors.Is(err, gzip.ErrHeader):
		return errHeader
	}
	return flateError(err, in)
}
