package transform

import (
	"errors"
	"strings"
)

// goja looks source maps up with 1-based columns and reports the mapped
// column as stored, while source maps count columns from 0. oneBased
// rewrites a map's mappings so both columns count from 1: the first
// segment of each line carries the absolute generated column, and the
// first segment with a source carries the only absolute source column
// (every other value is a delta, unchanged by a constant shift).
func oneBased(mappings string) (string, error) {
	var out strings.Builder
	firstSource := true
	for li, line := range strings.Split(mappings, ";") {
		if li > 0 {
			out.WriteByte(';')
		}
		for si, seg := range strings.Split(line, ",") {
			if seg == "" {
				continue
			}
			f, err := vlqDecode(seg)
			if err != nil {
				return "", err
			}
			if si == 0 {
				f[0]++
			}
			if len(f) >= 4 && firstSource {
				f[3]++
				firstSource = false
			}
			if si > 0 {
				out.WriteByte(',')
			}
			for _, v := range f {
				vlqEncode(&out, v)
			}
		}
	}
	return out.String(), nil
}

const b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func vlqDecode(seg string) ([]int, error) {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(seg); i++ {
		d := strings.IndexByte(b64chars, seg[i])
		if d < 0 {
			return nil, errors.New("bad base64 digit in source map")
		}
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if v&1 != 0 {
			out = append(out, -(v >> 1))
		} else {
			out = append(out, v>>1)
		}
		v, shift = 0, 0
	}
	if shift != 0 {
		return nil, errors.New("truncated source map segment")
	}
	return out, nil
}

func vlqEncode(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u != 0 {
			d |= 32
		}
		b.WriteByte(b64chars[d])
		if u == 0 {
			return
		}
	}
}
