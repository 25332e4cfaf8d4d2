package intl

import (
	"errors"
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
	var unknown language.ValueError
	if errors.As(err, &unknown) {
		// Well-formed but not in x/text's registry ("xx-YY"): ICU keeps
		// such tags, with BCP 47's casing.
		return caseSubtags(tag), true
	}
	if err != nil {
		return "", false
	}
	return t.String(), true
}

// caseSubtags gives a well-formed tag BCP 47's preferred casing: language
// lower, script title, region upper, the rest lower.
func caseSubtags(tag string) string {
	parts := strings.Split(strings.ToLower(tag), "-")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if len(p) == 1 {
			break // extensions and private use stay lower case
		}
		switch {
		case len(p) == 4 && p[0] >= 'a':
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		}
	}
	return strings.Join(parts, "-")
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
// x/text knows, "en" (ListFormat and RelativeTimeFormat, whose patterns
// intl.js has for en-US) for en and en-US, "date" (DateTimeFormat) for
// those and en-GB.
func supported(locale, kind string) bool {
	t, err := language.Parse(locale)
	if err != nil {
		return false
	}
	b, _ := t.Base()
	if kind == "en" || kind == "date" {
		// Region() guesses US for a bare "en".
		r, _ := t.Region()
		return b.String() == "en" && (r.String() == "US" || kind == "date" && r.String() == "GB")
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

// defaultLocale is the locale ICU would take from the environment: the
// first of LC_ALL, LC_MESSAGES and LANG that is set, as a BCP 47 tag
// ("de_DE.UTF-8" gives "de-DE"); en-US for C, POSIX, none or a name that
// is no tag.
func defaultLocale(vars []string) string {
	env := map[string]string{}
	for _, kv := range vars {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := env[k]
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		if v == "C" || v == "POSIX" {
			break
		}
		if c, ok := canonicalize(strings.ReplaceAll(v, "_", "-")); ok {
			return c
		}
		break
	}
	return "en-US"
}
