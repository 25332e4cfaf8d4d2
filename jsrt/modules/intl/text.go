package intl

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var formNames = map[plural.Form]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

func pluralRules(ordinal bool) *plural.Rules {
	if ordinal {
		return plural.Ordinal
	}
	return plural.Cardinal
}

// pluralCategory is the CLDR plural category of the number shown as
// integer digits ip and fraction digits fp.
func pluralCategory(locale string, ordinal bool, ip, fp string) string {
	if len(ip) > 18 {
		// ICU keeps i modulo 10**18 (1e21 counts as 0).
		ip = ip[len(ip)-18:]
	}
	i, _ := strconv.Atoi(ip)
	if len(fp) > 9 {
		fp = fp[:9]
	}
	t := strings.TrimRight(fp, "0")
	f, _ := strconv.Atoi(fp)
	tv, _ := strconv.Atoi(t)
	tag := tagOf(locale)
	form := pluralRules(ordinal).MatchPlural(tag, i, len(fp), len(t), f, tv)
	if !ordinal {
		form = newerCardinal(baseOf(tag), form, i, len(fp))
	}
	return formNames[form]
}

// newerCardinal applies the cardinal rules CLDR changed after x/text's
// data, as node 20's ICU has them.
func newerCardinal(lang string, form plural.Form, i, v int) plural.Form {
	switch lang {
	case "fr", "es", "it", "pt", "ca":
		// CLDR 38: "many" for whole millions ("1 million de ...").
		if form == plural.Other && v == 0 && i != 0 && i%1000000 == 0 {
			return plural.Many
		}
	case "he":
		// CLDR 42 dropped "many" and made 0.x "one".
		switch {
		case i == 1 && v == 0, i == 0 && v != 0:
			return plural.One
		case i == 2 && v == 0:
			return plural.Two
		}
		return plural.Other
	}
	return form
}

// pluralCategories lists the categories locale uses, as ICU does: sorted,
// "other" last. They are found by trying integers and decimals.
func pluralCategories(locale string, ordinal bool) []string {
	seen := map[string]bool{}
	for i := 0; i <= 1000; i++ {
		seen[pluralCategory(locale, ordinal, strconv.Itoa(i), "")] = true
		if !ordinal {
			seen[pluralCategory(locale, ordinal, strconv.Itoa(i%20), strconv.Itoa(i%100))] = true
		}
	}
	seen[pluralCategory(locale, ordinal, "1000000", "")] = true
	delete(seen, "other")
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return append(out, "other")
}

// newCollator returns a compare function (-1, 0, 1) for locale with
// Intl.Collator's sensitivity, numeric and ignorePunctuation options.
func newCollator(locale, sensitivity string, numeric, ignorePunctuation bool) func(a, b string) int {
	tag := tagOf(locale)
	if ignorePunctuation {
		// Alternate "shifted": punctuation and spaces weigh nothing.
		if t, err := language.Parse(tag.String() + "-u-ka-shifted"); err == nil {
			tag = t
		}
	}
	var opts []collate.Option
	if numeric {
		opts = append(opts, collate.Numeric)
	}
	full := collate.New(tag, opts...)
	base := collate.New(tag, append(opts, collate.IgnoreCase, collate.IgnoreDiacritics)...)
	switch sensitivity {
	case "base":
		return func(a, b string) int { return base.CompareString(a, b) }
	case "accent":
		c := collate.New(tag, append(opts, collate.IgnoreCase)...)
		return func(a, b string) int { return c.CompareString(a, b) }
	case "case":
		// x/text's IgnoreDiacritics alone keeps accents, so compare the
		// base letters, then case with the accents stripped.
		return func(a, b string) int {
			if r := base.CompareString(a, b); r != 0 {
				return r
			}
			return full.CompareString(stripMarks(a), stripMarks(b))
		}
	}
	return func(a, b string) int { return full.CompareString(a, b) }
}

// stripMarks removes combining marks: "á" becomes "a".
func stripMarks(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// collationLocale is the locale a Collator for tag reports: tag itself
// when x/text has a tailoring for it (or for its language and script),
// else its language, as ICU does ("de-DE" gives "de").
func collationLocale(tag string) string {
	t := tagOf(tag)
	b, s, _ := t.Raw()
	withScript := ""
	if s.String() != "Zzzz" {
		withScript = b.String() + "-" + s.String()
	}
	for _, c := range collate.Supported() {
		if cs := c.String(); cs == tag || cs == withScript {
			return tag
		}
	}
	return b.String()
}

// pluralLocale is the locale a PluralRules for tag reports: ICU has plural
// rules per language, save Portugal's Portuguese.
func pluralLocale(tag string) string {
	t := tagOf(tag)
	if t.String() == "pt-PT" {
		return "pt-PT"
	}
	return baseOf(t)
}

// segments splits s by granularity ("grapheme", "word", "sentence") and
// returns, per segment, its start and end in UTF-16 code units and, for
// words, 1 when it is word-like (0 otherwise).
func segments(granularity, s string) []int {
	var out []int
	pos := 0 // UTF-16 offset
	rest := s
	state := -1
	for rest != "" {
		var seg string
		switch granularity {
		case "word":
			seg, rest, state = uniseg.FirstWordInString(rest, state)
		case "sentence":
			seg, rest, state = uniseg.FirstSentenceInString(rest, state)
		default:
			seg, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		}
		n := utf16Len(seg)
		like := 0
		if granularity == "word" {
			like = wordLike(seg)
		}
		out = append(out, pos, pos+n, like)
		pos += n
	}
	return out
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// wordLike is ICU's isWordLike: the segment holds a letter, digit or
// ideograph rather than only spaces or punctuation.
func wordLike(seg string) int {
	for len(seg) > 0 {
		r, n := utf8.DecodeRuneInString(seg)
		seg = seg[n:]
		if isWordRune(r) {
			return 1
		}
	}
	return 0
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Nl, r)
}
