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
	if len(ip) > 9 {
		// The rules look at i modulo at most 10**6; keep it non-zero
		// in the digits that matter.
		ip = ip[len(ip)-9:]
	}
	if len(fp) > 9 {
		fp = fp[:9]
	}
	i, _ := strconv.Atoi(ip)
	t := strings.TrimRight(fp, "0")
	f, _ := strconv.Atoi(fp)
	tv, _ := strconv.Atoi(t)
	form := pluralRules(ordinal).MatchPlural(tagOf(locale), i, len(fp), len(t), f, tv)
	return formNames[form]
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
	var opts []collate.Option
	switch sensitivity {
	case "base":
		opts = append(opts, collate.IgnoreCase, collate.IgnoreDiacritics)
	case "accent":
		opts = append(opts, collate.IgnoreCase)
	case "case":
		opts = append(opts, collate.IgnoreDiacritics)
	}
	if numeric {
		opts = append(opts, collate.Numeric)
	}
	if ignorePunctuation {
		opts = append(opts, collate.Loose)
	}
	c := collate.New(tagOf(locale), opts...)
	return func(a, b string) int { return c.CompareString(a, b) }
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
		out = append(out, pos, pos+n, wordLike(seg))
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
