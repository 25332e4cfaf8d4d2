package intl

import (
	"reflect"
	"testing"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

func TestRound(t *testing.T) {
	rt := goja.New()
	for _, c := range []struct {
		num    any
		shift  int
		r      rounding
		ip, fp string
		mag    int
	}{
		{0.125, 0, rounding{1, 0, 2, 1, 21, "frac", "", false}, "0", "13", -1}, // half away from zero on the decimal digits
		{1.005, 0, rounding{1, 0, 2, 1, 21, "frac", "", false}, "1", "01", 0},  // shortest digits, not the binary value
		{999.9995, 0, rounding{1, 0, 3, 1, 21, "frac", "", false}, "1000", "", 3},
		{1234.5678, 0, rounding{1, 2, 3, 1, 21, "frac", "", false}, "1234", "568", 3},
		{0.5, 0, rounding{1, 2, 2, 1, 21, "frac", "", false}, "0", "50", -1},
		{42.0, 0, rounding{5, 0, 0, 1, 21, "frac", "", false}, "00042", "", 1},
		{1234.5678, 0, rounding{1, 0, 0, 1, 3, "sig", "", false}, "1230", "", 3},
		{1.0, 0, rounding{1, 0, 0, 6, 21, "sig", "", false}, "1", "00000", 0},
		{0.0, 0, rounding{1, 0, 0, 3, 21, "sig", "", false}, "0", "00", 0},
		{0.256, 2, rounding{1, 0, 1, 1, 21, "frac", "", false}, "25", "6", 1}, // percent: shifted exactly
		{1234.0, -3, rounding{1, 0, 0, 1, 2, "more", "", false}, "1", "2", 0}, // compact 1.2K
		{123456.0, -3, rounding{1, 0, 0, 1, 2, "more", "", false}, "123", "", 2},
		{1e21, 0, rounding{1, 0, 3, 1, 21, "frac", "", false}, "1000000000000000000000", "", 21},
		{0.000123, 0, rounding{1, 0, 3, 1, 21, "frac", "", false}, "0", "", 0},
		{"12345678901234567890", 0, rounding{1, 0, 3, 1, 21, "frac", "", false}, "12345678901234567890", "", 19},
	} {
		d := parseDecimal(rt.ToValue(c.num))
		d.pt += c.shift
		ip, fp, mag := d.round(c.r)
		if ip != c.ip || fp != c.fp || mag != c.mag {
			t.Errorf("round(%v×10^%d, %+v) = %q %q %d, want %q %q %d", c.num, c.shift, c.r, ip, fp, mag, c.ip, c.fp, c.mag)
		}
	}
}

func TestRoundingModes(t *testing.T) {
	rt := goja.New()
	// 1.25 and -1.25 to one fraction digit, then 1.251.
	want := map[string][3]string{
		"ceil": {"3", "2", "3"}, "floor": {"2", "3", "2"}, "expand": {"3", "3", "3"}, "trunc": {"2", "2", "2"},
		"halfCeil": {"3", "2", "3"}, "halfFloor": {"2", "3", "3"}, "halfExpand": {"3", "3", "3"},
		"halfTrunc": {"2", "2", "3"}, "halfEven": {"2", "2", "3"},
	}
	for mode, w := range want {
		for i, c := range []struct {
			x   float64
			neg bool
		}{{1.25, false}, {1.25, true}, {1.251, false}} {
			_, fp, _ := parseDecimal(rt.ToValue(c.x)).round(rounding{1, 0, 1, 1, 21, "frac", mode, c.neg})
			if fp != w[i] {
				t.Errorf("%s: %v (negative %v) to one digit has fraction %q, want %q", mode, c.x, c.neg, fp, w[i])
			}
		}
	}
	// Below the rounding position entirely: 0.04 to one digit.
	if ip, fp, _ := parseDecimal(rt.ToValue(0.04)).round(rounding{1, 0, 0, 1, 21, "frac", "ceil", false}); ip != "1" || fp != "" {
		t.Errorf("ceil(0.04) = %s.%s, want 1", ip, fp)
	}
}

func TestSymbols(t *testing.T) {
	for _, c := range []struct {
		locale                string
		decimal, group, minus string
		primary, secondary    int
		minGrouping           int
	}{
		{"en-US", ".", ",", "-", 3, 3, 1},
		{"de-DE", ",", ".", "-", 3, 3, 1},
		{"fr", ",", "\u202f", "-", 3, 3, 1}, // newer CLDR than x/text's
		{"es", ",", ".", "-", 3, 3, 2},
		{"en-IN", ".", ",", "-", 3, 2, 1},
		{"ar", ".", ",", "\u200e-", 3, 3, 1},
	} {
		s := symbolsFor(c.locale)
		if s.Decimal != c.decimal || s.Group != c.group || s.Minus != c.minus || s.Primary != c.primary ||
			s.Secondary != c.secondary || s.MinGrouping != c.minGrouping || s.Digits != "0123456789" {
			t.Errorf("symbolsFor(%q) = %+v, want %+v", c.locale, s, c)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		locale  string
		ordinal bool
		ip, fp  string
		want    string
	}{
		{"en", false, "1", "", "one"}, {"en", false, "1", "0", "other"}, {"en", false, "2", "", "other"},
		{"en", true, "2", "", "two"}, {"en", true, "11", "", "other"}, {"en", true, "23", "", "few"},
		{"ru", false, "21", "", "one"}, {"ru", false, "22", "", "few"}, {"ru", false, "25", "", "many"},
		{"fr", false, "1000000", "", "many"}, {"fr", false, "1", "5", "one"}, {"he", false, "0", "5", "one"},
		{"ar", false, "0", "", "zero"}, {"ar", false, "3", "", "few"},
	} {
		if got := pluralCategory(c.locale, c.ordinal, c.ip, c.fp); got != c.want {
			t.Errorf("pluralCategory(%q, ordinal %v, %s.%s) = %q, want %q", c.locale, c.ordinal, c.ip, c.fp, got, c.want)
		}
	}
	if got, want := pluralCategories("en", true), []string{"few", "one", "two", "other"}; !reflect.DeepEqual(got, want) {
		t.Errorf("en ordinal categories = %q, want %q", got, want)
	}
	if got, want := pluralCategories("ru", false), []string{"few", "many", "one", "other"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ru categories = %q, want %q", got, want)
	}
}

func TestCollator(t *testing.T) {
	for _, c := range []struct {
		locale, sensitivity string
		numeric, ignore     bool
		a, b                string
		want                int
	}{
		{"en", "variant", false, false, "a", "A", -1},
		{"en", "variant", false, false, "a", "b", -1},
		{"en", "base", false, false, "a", "Á", 0},
		{"en", "accent", false, false, "a", "A", 0},
		{"en", "accent", false, false, "a", "á", -1},
		{"en", "case", false, false, "a", "á", 0},
		{"en", "case", false, false, "a", "A", -1},
		{"en", "variant", true, false, "item10", "item9", 1},
		{"en", "variant", false, false, "item10", "item9", -1},
		{"en", "variant", false, true, "a-b", "ab", 0},
		{"sv", "variant", false, false, "ä", "z", 1},
		{"de", "variant", false, false, "ä", "z", -1},
	} {
		if got := newCollator(c.locale, c.sensitivity, c.numeric, c.ignore)(c.a, c.b); got != c.want {
			t.Errorf("%s %s numeric=%v ignorePunctuation=%v: compare(%q, %q) = %d, want %d",
				c.locale, c.sensitivity, c.numeric, c.ignore, c.a, c.b, got, c.want)
		}
	}
}

func TestSegments(t *testing.T) {
	// 👋🏽 is two code points of two UTF-16 units each; e + U+0301 is one
	// grapheme of two units.
	got := segments("grapheme", "a👋🏽e\u0301!")
	want := []int{0, 1, 0, 1, 5, 0, 5, 7, 0, 7, 8, 0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graphemes = %v, want %v", got, want)
	}
	got = segments("word", "Hi, 3.14 π")
	want = []int{0, 2, 1, 2, 3, 0, 3, 4, 0, 4, 8, 1, 8, 9, 0, 9, 10, 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words = %v, want %v", got, want)
	}
	if got := segments("sentence", "One. Two? Three"); len(got) != 9 || got[3] != 5 || got[6] != 10 {
		t.Errorf("sentences = %v, want starts 0, 5, 10", got)
	}
}

func TestLocales(t *testing.T) {
	for in, want := range map[string]string{
		"EN-us": "en-US", "zh-hant-tw": "zh-Hant-TW", "xx-yy": "xx-YY", "de-de-u-co-phonebk": "de-DE-u-co-phonebk",
		"x": "", "en_US": "", "": "", "en-": "",
	} {
		got, ok := canonicalize(in)
		if got != want || ok != (want != "") {
			t.Errorf("canonicalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, c := range []struct {
		locale, kind string
		want         bool
	}{
		{"en-US", "number", true}, {"it", "number", true}, {"sv", "number", true}, {"xx", "number", false},
		{"en", "en", true}, {"en-US", "en", true}, {"en-GB", "en", false}, {"de", "en", false},
		{"en-GB", "date", true}, {"en-AU", "date", false}, {"en", "date", true},
	} {
		if got := supported(c.locale, c.kind); got != c.want {
			t.Errorf("supported(%q, %q) = %v, want %v", c.locale, c.kind, got, c.want)
		}
	}
	if got := collationLocale("de-DE"); got != "de" {
		t.Errorf("collationLocale(de-DE) = %q, want de", got)
	}
	if got := pluralLocale("en-US"); got != "en" {
		t.Errorf("pluralLocale(en-US) = %q, want en", got)
	}
}

func TestDefaultLocale(t *testing.T) {
	for _, c := range []struct {
		vars []string
		want string
	}{
		{nil, "en-US"},
		{[]string{"LANG=de_DE.UTF-8"}, "de-DE"},
		{[]string{"LANG=de_DE.UTF-8", "LC_ALL=es_ES.UTF-8"}, "es-ES"},
		{[]string{"LANG=de_DE", "LC_MESSAGES=it_IT", "LC_NUMERIC=fr_FR"}, "it-IT"},
		{[]string{"LANG=C.UTF-8"}, "en-US"},
		{[]string{"LANG=POSIX", "HOME=/x"}, "en-US"},
		{[]string{"LANG=sr_RS@latin"}, "sr-RS"},
		{[]string{"LANG=not a locale"}, "en-US"},
	} {
		if got := defaultLocale(c.vars); got != c.want {
			t.Errorf("defaultLocale(%q) = %q, want %q", c.vars, got, c.want)
		}
	}
}

func TestZones(t *testing.T) {
	for in, want := range map[string]string{
		"utc": "UTC", "Etc/UTC": "UTC", "GMT": "UTC", "America/New_York": "America/New_York",
		"Asia/Kolkata": "Asia/Calcutta", "Mars/Olympus": "", "Local": "",
	} {
		got, ok := canonicalZone(in)
		if got != want || ok != (want != "") {
			t.Errorf("canonicalZone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	// 2024-07-04T12:00:00Z in New York: Thursday 08:00 EDT.
	got := dateFields(1720094400000, "America/New_York")
	want := []any{2024, 7, 4, 4, 8, 0, 0, 0, -240, "EDT"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dateFields = %v, want %v", got, want)
	}
}

// TestEnable checks the toLocaleString family goes through Intl once
// Enable has run, and that the module builds the Intl object.
func TestEnable(t *testing.T) {
	rt := goja.New()
	Enable(rt)
	intl := jsmod.GetObject(rt, ModuleName).Get("Intl")
	if err := rt.Set("Intl", intl); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		`(1234.5).toLocaleString('en-US')`:                                                          "1,234.5",
		`(1234.5).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' })`:                  "1.234,50\u00a0€",
		`(12345678901234567890n).toLocaleString()`:                                                  "12,345,678,901,234,567,890",
		`new Date(0).toLocaleString('en-US', { timeZone: 'UTC' })`:                                  "1/1/1970, 12:00:00 AM",
		`new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'full' })`:           "Thursday, January 1, 1970",
		`[1234, 5678.9].toLocaleString('en-US')`:                                                    "1,234,5,678.9",
		`String(['b', 'a', 'B'].sort((x, y) => x.localeCompare(y)))`:                                "a,b,B",
		`new Intl.NumberFormat('en', { notation: 'compact' }).format(1234567)`:                      "1.2M",
		`new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day')`:                  "yesterday",
		`new Intl.ListFormat('en').format(['a', 'b', 'c'])`:                                         "a, b, and c",
		`new Intl.PluralRules('en', { type: 'ordinal' }).select(22)`:                                "two",
		`[...new Intl.Segmenter().segment('e\u0301👋🏽')].map((s) => s.index).join()`:                 "0,2",
		`Intl.getCanonicalLocales('EN-us')[0]`:                                                      "en-US",
		`new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', timeStyle: 'long' }).format(0)`: "9:00:00 AM GMT+9",
	} {
		v, err := rt.RunString(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := v.String(); got != want {
			t.Errorf("%s = %q, want %q", src, got, want)
		}
	}
}
