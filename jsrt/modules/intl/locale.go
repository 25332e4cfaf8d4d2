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

// collationBases are the languages x/text has collation tailorings for.
// (language/display lists every language with data, but its tables would
// add 2 MB to the binary.)
var collationBases = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range collate.Supported() {
		b, _ := t.Base()
		m[b.String()] = true
	}
	return m
})

// knownBase reports whether x/text has data for the language b: a
// collation tailoring, or number symbols of its own (it, nl, pt have only
// the latter). Languages with neither format as English does anyway.
func knownBase(b string) bool {
	return collationBases()[b] || symbolsFor(b) != symbolsFor("und")
}

// supported reports whether locale (canonical) has data for kind: "number"
// (NumberFormat, PluralRules, Collator, Segmenter) for every language
// x/text knows, "en" (the kinds whose patterns are en-US only) for en and
// en-US: en-GB and the like write dates otherwise.
func supported(locale, kind string) bool {
	t, err := language.Parse(locale)
	if err != nil {
		return false
	}
	b, _ := t.Base()
	if kind == "en" {
		r, conf := t.Region()
		return b.String() == "en" && (conf == language.No || r.String() == "US")
	}
	return knownBase(b.String())
}

// tagOf parses a canonical locale, falling back to en-US.
func tagOf(locale string) language.Tag {
	t, err := language.Parse(locale)
	if err != nil {
		return language.AmericanEnglish
	}
	return t
}
