package bundle

import (
	"strings"
	"unicode/utf8"
)

// SourceText is a script's bytes as node reads them: UTF-8, with each
// maximal invalid subpart (a bad byte, or the valid start of a sequence cut
// short) replaced by one U+FFFD, the WHATWG decoder's rule. goja's parser
// refuses invalid UTF-8, and node runs such scripts, so the bundler and the
// loader both parse this text; files keep their bytes (fs reads them raw).
func SourceText(src []byte) string {
	if utf8.Valid(src) {
		return string(src)
	}
	var b strings.Builder
	b.Grow(len(src) + 16)
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r != utf8.RuneError || n != 1 {
			b.Write(src[i : i+n])
			i += n
			continue
		}
		// FullRune is false exactly while the bytes so far are a valid
		// but incomplete sequence: they belong to this one U+FFFD.
		n = 1
		for n < utf8.UTFMax-1 && i+n < len(src) && !utf8.FullRune(src[i:i+n+1]) {
			n++
		}
		b.WriteRune(utf8.RuneError)
		i += n
	}
	return b.String()
}
