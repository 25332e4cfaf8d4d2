package engine

import (
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // zones load the same on every machine
	"unicode/utf16"
)

// The wanted messages are node 20.20's (the corpus script
// lang_json_parse_errors compares many more against node itself).
func TestJSONSyntaxMessage(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{"a":1}`, ""},
		{` [1, {"b": [true, false, null]}, "x\u00e9\n"] `, ""},
		{``, "Unexpected end of JSON input"},
		{`{"a":1,}`, "Expected double-quoted property name in JSON at position 7"},
		{`[1,2`, "Expected ',' or ']' after array element in JSON at position 4"},
		{`{"a":1 "b":2}`, "Expected ',' or '}' after property value in JSON at position 7"},
		{`{"a" 1}`, "Expected ':' after property name in JSON at position 5"},
		{`{a:1}`, "Expected property name or '}' in JSON at position 1"},
		{`"abc`, "Unterminated string in JSON at position 4"},
		{"\"a\nb\"", "Bad control character in string literal in JSON at position 2"},
		{`"\x"`, "Bad escaped character in JSON at position 2"},
		{`"\u12g4"`, "Bad Unicode escape in JSON at position 5"},
		{`[1,]`, `Unexpected token ']', "[1,]" is not valid JSON`},
		{`12x`, "Unexpected non-whitespace character after JSON at position 2"},
		{`-`, "No number after minus sign in JSON at position 1"},
		{`1.`, "Unterminated fractional number in JSON at position 2"},
		{`1e+`, "Exponent part is missing a number in JSON at position 3"},
		{`01`, "Unexpected number in JSON at position 1"},
		{`undefined`, `"undefined" is not valid JSON`},
		{"xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			`Unexpected token 'x', "xaaaaaaaaa"... is not valid JSON`},
		{`{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":x}`,
			`Unexpected token 'x', ..."aaaaaaaa":x}" is not valid JSON`},
	} {
		if got := JSONSyntaxMessage(utf16.Encode([]rune(c.src))); got != c.want {
			t.Errorf("JSONSyntaxMessage(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// The wanted names are what node 20.20 prints with TZ set to the zone,
// except where noted.
func TestZoneName(t *testing.T) {
	jan := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	jul := time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tz   string
		at   time.Time
		want string
	}{
		{"UTC", jan, "Coordinated Universal Time"},
		{"America/New_York", jan, "Eastern Standard Time"},
		{"America/New_York", jul, "Eastern Daylight Time"},
		{"America/Chicago", jan, "Central Standard Time"},
		{"Asia/Shanghai", jan, "China Standard Time"},
		{"Europe/Berlin", jul, "Central European Summer Time"},
		{"Europe/London", jul, "British Summer Time"},
		{"Europe/Dublin", jul, "Irish Standard Time"},
		{"Asia/Dubai", jan, "Gulf Standard Time"},
		// Not in the tables (node says "Nepal Time"): ICU's fallback form.
		{"Asia/Kathmandu", jan, "GMT+05:45"},
	} {
		loc, err := time.LoadLocation(c.tz)
		if err != nil {
			t.Fatal(err)
		}
		if got := ZoneName(c.at.In(loc), c.tz); got != c.want {
			t.Errorf("ZoneName(%s, %s) = %q, want %q", c.at, c.tz, got, c.want)
		}
	}
}

func TestTranslatePropertyEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`abc`, `abc`},
		{`\p{ASCII}+`, `[\u0000-\u007f]+`},
		{`[\p{ASCII}x]`, `[\u0000-\u007fx]`},
		{`\p{Emoji_Modifier}`, `[\u{1f3fb}-\u{1f3ff}]`},
		{`\P{Any}`, `[]`},
		{`\\p{L}`, `\\p{L}`},
		{`\p{Script=Greek}`, ""},
	} {
		got, _, err := TranslatePropertyEscapes(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if c.want != "" && got != c.want {
			t.Errorf("TranslatePropertyEscapes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if _, _, err := TranslatePropertyEscapes(`\p{Nope}`); err == nil || err.Error() != "Invalid property name" {
		t.Errorf("unknown property: err = %v", err)
	}
}

func TestNamedGroups(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{`(\d+)`, "[]"},
		{`(?<y>\d{4})-(?<m>\d\d)`, "[y m]"},
		{`(a)(?:b)(?<n>c)(?=d)(?<=e)(?<!f)(g)`, "[ n ]"}, // a, n, g
		{`\((?<x>[(?<no>)])`, "[x]"},
	} {
		if got := fmt.Sprint(NamedGroups(c.in)); got != c.want {
			t.Errorf("NamedGroups(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTranslateUnicodeSets(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a[b-d]+`, `a[\u0062-\u0064]+`},
		{`[\p{ASCII}--[a-z]]`, `[\u0000-\u0060\u007b-\u007f]`},
		{`[\d&&[0-4x]]`, `[\u0030-\u0034]`},
		{`[^\w]`, `[\u0000-\u002f\u003a-\u0040\u005b-\u005e\u0060\u007b-\u{10ffff}]`},
		{`[\q{a|b}c]`, `[\u0061-\u0063]`},
		{`[a--a]`, `(?!)`},
		{`\[x\]`, `\[x\]`},
	} {
		got, err := TranslateUnicodeSets(c.in)
		if err != nil || got != c.want {
			t.Errorf("TranslateUnicodeSets(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := TranslateUnicodeSets(`[\q{ab}]`); err == nil {
		t.Error("a string in a class: no error")
	}
}

// TestStringProperties checks \p{RGI_Emoji} becomes an alternation with
// the sequences before the single code points, longest first, and that
// \P of a property of strings is refused.
func TestStringProperties(t *testing.T) {
	got, err := TranslateUnicodeSets(`^\p{Emoji_Keycap_Sequence}$`)
	if err != nil || !strings.HasPrefix(got, `^(?:\u0023\ufe0f\u20e3|`) || !strings.HasSuffix(got, `)$`) {
		t.Errorf("keycaps = %q, %v", got, err)
	}
	got, err = TranslateUnicodeSets(`\p{RGI_Emoji}`)
	if err != nil {
		t.Fatal(err)
	}
	family := `\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}` // 👨‍👩‍👧‍👦
	flag := `\u{1f1eb}\u{1f1f7}`                                       // 🇫🇷
	i, j, k := strings.Index(got, family), strings.Index(got, flag), strings.LastIndex(got, "|[")
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Errorf("RGI_Emoji: family at %d, flag at %d, singles at %d", i, j, k)
	}
	if _, err := TranslateUnicodeSets(`\P{RGI_Emoji}`); err == nil || err.Error() != "Invalid property name" {
		t.Errorf(`\P{RGI_Emoji}: %v`, err)
	}
}
