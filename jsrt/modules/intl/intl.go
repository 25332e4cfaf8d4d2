// Package intl implements ECMA-402's Intl global for ebbnode (goja has
// none): NumberFormat, DateTimeFormat, PluralRules, Collator,
// RelativeTimeFormat, ListFormat, Segmenter, a minimal Locale,
// getCanonicalLocales and supportedLocalesOf, plus the toLocaleString
// family (Number, BigInt, Date, Array, typed arrays) and
// String.prototype.localeCompare routed through them (Enable). The API
// and its option handling are in intl.js; this package gives it the
// locale data:
//
//   - tags are parsed and canonicalised by golang.org/x/text/language;
//   - number symbols (separators, digits, grouping sizes, minus and
//     percent signs) are read off numbers golang.org/x/text/number
//     formats for the locale, corrected where CLDR moved on since x/text's
//     data and node 20's ICU prints otherwise (numberOverrides);
//   - plural categories come from golang.org/x/text/feature/plural (with
//     the newer rules of newerCardinal), collation from
//     golang.org/x/text/collate, currency symbols and digits from
//     golang.org/x/text/currency;
//   - grapheme, word and sentence segmentation from github.com/rivo/uniseg;
//   - time zones from Go's time package with the IANA database embedded
//     (time/tzdata), so named zones work inside the image too.
//
// en-US output matches node 20. What is approximate elsewhere: x/text has
// no date patterns, month or day names, relative-time, list or unit
// patterns, compact suffixes, currency names or currency placement. So
// RelativeTimeFormat and ListFormat support en and en-US only, and
// DateTimeFormat those and en-GB (its defaults, styles and the common
// field sets; ICU's rarer en-GB skeletons, such as a lone 24-hour hour
// beside a time-zone name, differ), resolving other locales to en-US as
// ICU does for a locale it lacks; NumberFormat uses English unit names and compact suffixes with
// the locale's digits and separators, English currency names for a few
// currencies, and puts the symbol after the number for the languages in
// currencyAfter. Long time-zone names exist for UTC, GMT and the US zones;
// others print as GMT offsets (and US zones too before 1970, as ICU).
// Only the gregory calendar and each locale's default numbering system are
// implemented, and roundingIncrement is read but not applied. The default
// locale comes from LC_ALL, LC_MESSAGES or LANG in the script's
// environment, as ICU's does (en-US for C or POSIX); the constructors
// without data for it fall back to en-US.
package intl

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	// Named time zones must resolve inside the image, which has no
	// /usr/share/zoneinfo.
	_ "time/tzdata"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the internal module that builds the Intl object.
const ModuleName = "internal/intl"

// The module body, split by subject; the files share one scope, so the
// order matters only for code that runs at load (intl.js defines what the
// others' top levels use).
//
//go:embed intl.js number.js text.js date.js global.js
var jsFiles embed.FS

var source = func() string {
	var b strings.Builder
	for _, name := range []string{"intl.js", "number.js", "text.js", "date.js", "global.js"} {
		data, err := jsFiles.ReadFile(name)
		if err != nil {
			panic(fmt.Sprintf("intl: embedded %s: %v", name, err))
		}
		b.Write(data)
	}
	return b.String()
}()

var src = jsmod.NewSource("node:internal/intl", source)

func init() {
	jsmod.RegisterInternal(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}

// helpers is the Go half of intl.js.
func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	set := func(name string, fn any) {
		if err := h.Set(name, fn); err != nil {
			panic(rt.NewGoError(err))
		}
	}
	set("canonicalize", func(tag string) goja.Value {
		c, ok := canonicalize(tag)
		if !ok {
			return goja.Null()
		}
		return rt.ToValue(c)
	})
	set("supported", supported)
	set("defaultLocale", func() string {
		if env := hostenv.Get(rt); env != nil {
			return defaultLocale(env.Vars)
		}
		return "en-US"
	})
	set("collationLocale", collationLocale)
	set("pluralLocale", pluralLocale)
	set("numberSymbols", func(locale string) *goja.Object { return symbolsFor(locale).object(rt) })
	// roundDecimal(num, shift, minInt, minFrac, maxFrac, minSig, maxSig,
	// priority, mode, negative) -> [integer digits, fraction digits,
	// magnitude]: |num| times 10**shift rounded as NumberFormat says.
	// It is on every format's path, so it takes its arguments unconverted
	// (goja's reflection on ten parameters costs more than the rounding).
	set("roundDecimal", func(c goja.FunctionCall) goja.Value {
		n := func(i int) int { return int(c.Argument(i).ToInteger()) }
		r := rounding{n(2), n(3), n(4), n(5), n(6), c.Argument(7).String(), c.Argument(8).String(), c.Argument(9).ToBoolean()}
		d := parseDecimal(c.Argument(0))
		d.pt += n(1)
		ip, fp, mag := d.round(r)
		return rt.NewArray(ip, fp, mag)
	})
	set("magnitude", func(num goja.Value) int { return parseDecimal(num).magnitude() })
	set("pluralCategory", pluralCategory)
	set("pluralCategories", pluralCategories)
	set("newCollator", newCollator)
	set("segments", func(granularity, s string) []int { return segments(granularity, s) })
	set("currency", func(locale, code, display string) []any {
		sym, place, parens, digits := currencyInfo(locale, code, display)
		return []any{sym, place, parens, digits}
	})
	set("timeZone", func(name string) goja.Value {
		if c, ok := canonicalZone(name); ok {
			return rt.ToValue(c)
		}
		return goja.Null()
	})
	set("defaultTimeZone", defaultTimeZone)
	set("dateFields", func(ms float64, zone string) []any { return dateFields(ms, zone) })
	return h
}

//go:embed install.js
var installSource string

var installPrg = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("node:internal/intl/install", installSource, true)
})

// Enable installs the Intl global (built on first use, like the other
// lazy globals, see package all) and the toLocaleString family and
// String.prototype.localeCompare that use it, in place of goja's, which
// ignore locales and options (and Number's took the locale for a radix).
func Enable(rt *goja.Runtime) {
	prg, err := installPrg()
	if err != nil {
		panic(rt.NewGoError(fmt.Errorf("intl: compile install: %w", err)))
	}
	fnv, err := rt.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	var toLocale goja.Value
	load := func(goja.FunctionCall) goja.Value {
		if toLocale == nil {
			toLocale = jsmod.GetObject(rt, ModuleName).Get("toLocale")
		}
		return toLocale
	}
	if _, err := fn(goja.Undefined(), rt.ToValue(load)); err != nil {
		panic(err)
	}
}
