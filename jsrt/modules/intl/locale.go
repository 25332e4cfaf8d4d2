package intl

import (
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// canonicalize returns tag in the canonical form ECMA-402 asks for
// ("EN-us" -> "en-US"), or false when it is not a well-formed BCP 47 tag.
func canonicalize(tag string) (string, bool) {
	if tag == "" || strings.ContainsAny(tag, "_ ") {
		return "", false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	return t.String(), true
}

// knownBases are the languages x/text has collation data for: a fair
// stand-in for "has CLDR data" across number symbols and plural rules too.
var knownBases = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range collate.Supported() {
		b, _ := t.Base()
		m[b.String()] = true
	}
	return m
})

// supported reports whether locale (canonical) has data for kind: "number"
// (NumberFormat, PluralRules, Collator, Segmenter) for every language
// x/text knows, "en" (the kinds whose patterns are English only) for
// English.
func supported(locale, kind string) bool {
	t, err := language.Parse(locale)
	if err != nil {
		return false
	}
	b, _ := t.Base()
	if kind == "en" {
		return b.String() == "en"
	}
	return knownBases()[b.String()]
}

// tagOf parses a canonical locale, falling back to en-US.
func tagOf(locale string) language.Tag {
	t, err := language.Parse(locale)
	if err != nil {
		return language.AmericanEnglish
	}
	return t
}
