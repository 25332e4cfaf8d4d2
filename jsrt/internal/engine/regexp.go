package engine

//go:generate sh -c "node gen_tables.js $(go run scripts.go) | gofmt > tables_gen.go"
//go:generate sh -c "node gen_emoji.js | gofmt > emoji_gen.go"

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// TranslatePropertyEscapes rewrites the Unicode property escapes of a
// regular expression with the u flag (\p{L}, \p{Script=Greek}, \P{Lu},
// \p{Emoji}, ...) as explicit character classes. goja's regexp parser
// reads \p as a plain p, so such patterns compiled but never matched;
// jsrt runs this on the regular-expression literals of a module before
// goja compiles it. ok is false when pattern has no property escape; an
// unknown property is an error worded as V8's.
func TranslatePropertyEscapes(pattern string) (out string, ok bool, err error) {
	if !strings.Contains(pattern, `\p{`) && !strings.Contains(pattern, `\P{`) {
		return pattern, false, nil
	}
	if r, hit := translated.Load(pattern); hit {
		t := r.(translation)
		return t.out, t.ok, t.err
	}
	out, ok, err = translate(pattern)
	translated.Store(pattern, translation{out, ok, err})
	return out, ok, err
}

// translated caches TranslatePropertyEscapes by pattern: a class can be
// tens of kilobytes, and programs build the same pattern again and again.
var translated sync.Map

type translation struct {
	out string
	ok  bool
	err error
}

func translate(pattern string) (out string, ok bool, err error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			n := pattern[i+1]
			if (n == 'p' || n == 'P') && i+2 < len(pattern) && pattern[i+2] == '{' {
				end := strings.IndexByte(pattern[i+3:], '}')
				if end < 0 {
					return "", false, fmt.Errorf("Invalid property name")
				}
				name := pattern[i+3 : i+3+end]
				rs, err := property(name)
				if err != nil {
					return "", false, err
				}
				writeClass(&b, rs, n == 'P', inClass)
				ok = true
				i += 3 + end
				continue
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ok, nil
}

// writeClass writes the code points rs (or their complement) as a
// class, or as ranges inside the class the escape stood in. Surrogates
// are left out: goja's strings reach the matcher as UTF-8 text.
func writeClass(b *strings.Builder, rs [][2]rune, negate, inClass bool) {
	if negate {
		rs = complement(rs)
	}
	if !inClass {
		b.WriteByte('[')
	}
	for _, r := range rs {
		lo, hi := r[0], r[1]
		if lo <= 0xdfff && hi >= 0xd800 { // cut out the surrogates
			if lo < 0xd800 {
				writeRange(b, lo, 0xd7ff)
			}
			if hi > 0xdfff {
				writeRange(b, 0xe000, hi)
			}
			continue
		}
		writeRange(b, lo, hi)
	}
	if !inClass {
		b.WriteByte(']')
	}
}

func writeRange(b *strings.Builder, lo, hi rune) {
	writeCodePoint(b, lo)
	if hi > lo {
		b.WriteByte('-')
		writeCodePoint(b, hi)
	}
}

// writeCodePoint escapes r; \uXXXX where it fits, which reads the same
// without the u flag (new RegExp(re, 'g') recompiles re's source so).
func writeCodePoint(b *strings.Builder, r rune) {
	if r <= 0xffff {
		const hex = "0123456789abcdef"
		b.WriteString(`\u`)
		for shift := 12; shift >= 0; shift -= 4 {
			b.WriteByte(hex[(r>>shift)&0xf])
		}
		return
	}
	b.WriteString(`\u{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}

// union merges sets of [lo, hi] pairs into one sorted, merged set.
func union(sets ...[][2]rune) [][2]rune {
	var all [][2]rune
	for _, s := range sets {
		all = append(all, s...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i][0] < all[j][0] })
	var out [][2]rune
	for _, r := range all {
		if n := len(out); n > 0 && out[n-1][1]+1 >= r[0] {
			out[n-1][1] = max(out[n-1][1], r[1])
		} else {
			out = append(out, r)
		}
	}
	return out
}

// complement is every code point not in the sorted, merged set rs.
func complement(rs [][2]rune) [][2]rune {
	var out [][2]rune
	next := rune(0)
	for _, r := range rs {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, [2]rune{next, unicode.MaxRune})
	}
	return out
}

// NamedGroups lists, for a regular expression with named capture groups,
// the name of each capture group in order ("" for an unnamed one); nil
// when it has none. goja matches named groups but gives results no
// groups object and replacements no $<name>, which jsrt adds for these.
func NamedGroups(pattern string) []string {
	if !strings.Contains(pattern, "(?<") {
		return nil
	}
	var names []string
	named := false
	inClass := false
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '(' && !inClass:
			rest := pattern[i+1:]
			switch {
			case strings.HasPrefix(rest, "?<=") || strings.HasPrefix(rest, "?<!"):
			case strings.HasPrefix(rest, "?<"):
				end := strings.IndexByte(rest, '>')
				if end < 0 {
					return nil
				}
				names = append(names, rest[2:end])
				named = true
			case strings.HasPrefix(rest, "?"):
			default:
				names = append(names, "")
			}
		}
	}
	if !named {
		return nil
	}
	return names
}
