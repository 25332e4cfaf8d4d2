package engine

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Properties of strings (\p{RGI_Emoji} and its parts), which only the v
// flag knows. Outside a class each becomes an alternation of its
// sequences, longest first as V8 tries them, then a class of its single
// code points. The tables (emoji_gen.go) come from node.

// stringProperty is one property's rewrite, built on first use.
type stringProperty struct {
	once    sync.Once
	pattern string
}

var stringProps = func() map[string]*stringProperty {
	m := map[string]*stringProperty{"RGI_Emoji": {}}
	for name := range stringTables {
		m[name] = &stringProperty{}
	}
	return m
}()

// stringPropertyPattern returns the u-flag pattern matching the strings of
// property name, or ok false when name is no property of strings.
func stringPropertyPattern(name string) (pattern string, ok bool) {
	sp, ok := stringProps[name]
	if !ok {
		return "", false
	}
	sp.once.Do(func() {
		var strs []string
		if name == "RGI_Emoji" {
			for _, t := range stringTables {
				strs = append(strs, t...)
			}
		} else {
			strs = stringTables[name]
		}
		sp.pattern = alternation(strs)
	})
	return sp.pattern, true
}

// alternation writes strs as (?:longest|...|shortest|[singles]).
func alternation(strs []string) string {
	var multi []string
	var singles [][2]rune
	for _, s := range strs {
		if r, n := utf8.DecodeRuneInString(s); n == len(s) {
			singles = union(singles, [][2]rune{{r, r}})
		} else {
			multi = append(multi, s)
		}
	}
	sort.Slice(multi, func(i, j int) bool {
		li, lj := utf16Len(multi[i]), utf16Len(multi[j])
		if li != lj {
			return li > lj
		}
		return multi[i] < multi[j]
	})
	var b strings.Builder
	b.WriteString("(?:")
	for i, s := range multi {
		if i > 0 {
			b.WriteByte('|')
		}
		for _, r := range s {
			writeCodePoint(&b, r)
		}
	}
	if len(singles) > 0 {
		if len(multi) > 0 {
			b.WriteByte('|')
		}
		b.WriteByte('[')
		for _, r := range singles {
			writeRange(&b, r[0], r[1])
		}
		b.WriteByte(']')
	}
	b.WriteByte(')')
	return b.String()
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xffff {
			n++
		}
	}
	return n
}
