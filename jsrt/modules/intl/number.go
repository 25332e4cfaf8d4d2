package intl

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// decimal is a non-negative decimal number: 0.digits × 10**pt, digits
// without leading or trailing zeros (none at all for zero).
type decimal struct {
	digits string
	pt     int
}

// parseDecimal reads a non-negative finite number exactly as ICU sees it
// (the shortest digits that round-trip), or a decimal string (a BigInt's
// digits, or a numeric string NumberFormat keeps exact: "1.5e3").
func parseDecimal(v goja.Value) decimal {
	var s string
	exp := 0
	switch x := v.Export().(type) {
	case float64:
		m, e, _ := strings.Cut(strconv.FormatFloat(math.Abs(x), 'e', -1, 64), "e")
		exp, _ = strconv.Atoi(e)
		s = m
	case int64:
		s = strings.TrimPrefix(strconv.FormatInt(x, 10), "-")
		exp = len(s) - 1
		s = s[:1] + "." + s[1:]
	default:
		m, e, _ := strings.Cut(strings.ToLower(strings.TrimLeft(v.String(), "+-")), "e")
		exp, _ = strconv.Atoi(e)
		ip, fp, _ := strings.Cut(m, ".")
		exp += len(ip) - 1
		s = ip + "." + fp
	}
	// s is d.ddd × 10**exp, perhaps with leading zeros.
	digits := strings.Replace(s, ".", "", 1)
	pt := exp + 1
	n := len(digits)
	digits = strings.TrimLeft(digits, "0")
	pt -= n - len(digits)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return decimal{}
	}
	return decimal{digits, pt}
}

// magnitude is the power of ten of the leading digit (0 for zero).
func (d decimal) magnitude() int {
	if d.digits == "" {
		return 0
	}
	return d.pt - 1
}

// roundAt rounds to a multiple of 10**p by mode, one of ECMA-402's
// roundingMode values (halfExpand, ICU's default, when unknown); neg says
// the number shown is negative, which ceil and floor care about.
func (d decimal) roundAt(p int, mode string, neg bool) decimal {
	keep := d.pt - p
	if keep >= len(d.digits) {
		return d
	}
	var b []byte
	rest := d.digits
	pt := d.pt
	if keep > 0 {
		b = []byte(d.digits[:keep])
		rest = d.digits[keep:]
	} else {
		// Every digit is below 10**p: the kept part is zero.
		pt = p
		if keep < 0 {
			rest = strings.Repeat("0", -keep) + rest
		}
	}
	if roundsUp(mode, neg, rest, len(b) > 0 && (b[len(b)-1]-'0')%2 == 1) {
		i := len(b) - 1
		for ; i >= 0 && b[i] == '9'; i-- {
			b[i] = '0'
		}
		if i < 0 {
			b = append([]byte{'1'}, b...)
			pt++
		} else {
			b[i]++
		}
	}
	s := strings.TrimRight(string(b), "0")
	if s == "" {
		return decimal{}
	}
	return decimal{s, pt}
}

// roundsUp decides whether dropping rest (non-empty, not all zeros) moves
// the magnitude up, given the rounding mode, the sign and whether the last
// kept digit is odd.
func roundsUp(mode string, neg bool, rest string, odd bool) bool {
	half := 0 // rest against one half: -1 below, 0 equal, 1 above
	switch {
	case rest[0] < '5':
		half = -1
	case rest[0] > '5' || strings.TrimRight(rest[1:], "0") != "":
		half = 1
	}
	switch mode {
	case "ceil":
		return !neg
	case "floor":
		return neg
	case "expand":
		return true
	case "trunc":
		return false
	case "halfCeil":
		return half > 0 || half == 0 && !neg
	case "halfFloor":
		return half > 0 || half == 0 && neg
	case "halfTrunc":
		return half > 0
	case "halfEven":
		return half > 0 || half == 0 && odd
	}
	return half >= 0
}

// rounding is NumberFormat's digit options; priority is "frac", "sig",
// "more" or "less" (roundingPriority morePrecision/lessPrecision, which
// compact notation uses too).
type rounding struct {
	minInt, minFrac, maxFrac, minSig, maxSig int
	priority                                 string
	mode                                     string // roundingMode
	neg                                      bool   // the number is negative
}

// round applies r and returns the integer and fraction digits to show and
// the magnitude of the rounded value.
func (d decimal) round(r rounding) (ip, fp string, mag int) {
	byFrac := d.roundAt(-r.maxFrac, r.mode, r.neg)
	bySig := d.roundAt(d.magnitude()-r.maxSig+1, r.mode, r.neg)
	useSig := r.priority == "sig"
	if r.priority == "more" || r.priority == "less" {
		// The finer rounding position wins for morePrecision.
		sigPos, fracPos := d.magnitude()-r.maxSig+1, -r.maxFrac
		useSig = (sigPos < fracPos) == (r.priority == "more")
		if sigPos == fracPos {
			useSig = r.priority == "less"
		}
	}
	v, minFrac := byFrac, r.minFrac
	if useSig {
		v = bySig
	}
	ip, fp = v.split()
	if useSig {
		// Pad to minSig significant digits.
		sig := len(strings.TrimLeft(ip+fp, "0"))
		if v.digits == "" {
			sig = 1
		}
		minFrac = len(fp) + max(0, r.minSig-sig)
	}
	if len(fp) < minFrac {
		fp += strings.Repeat("0", minFrac-len(fp))
	}
	if len(ip) < r.minInt {
		ip = strings.Repeat("0", r.minInt-len(ip)) + ip
	}
	return ip, fp, v.magnitude()
}

// split gives d's integer digits ("0" when none) and fraction digits.
func (d decimal) split() (ip, fp string) {
	switch {
	case d.digits == "":
		return "0", ""
	case d.pt <= 0:
		return "0", strings.Repeat("0", -d.pt) + d.digits
	case d.pt >= len(d.digits):
		return d.digits + strings.Repeat("0", d.pt-len(d.digits)), ""
	}
	return d.digits[:d.pt], d.digits[d.pt:]
}

// symbols is what NumberFormat needs to know of a locale's numbers.
type symbols struct {
	Decimal, Group string
	Digits         string // the ten digits, zero first
	Minus          string // prefix for negative numbers
	Primary        int    // size of the group nearest the decimal point
	Secondary      int    // size of the other groups
	MinGrouping    int    // integer digits below which no separator shows
	PercentPrefix  string
	PercentSuffix  string
	Exponent       string // scientific notation's separator ("E")
}

func (s symbols) object(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	for k, v := range map[string]any{
		"decimal": s.Decimal, "group": s.Group, "digits": s.Digits, "minus": s.Minus,
		"primary": s.Primary, "secondary": s.Secondary, "minGrouping": s.MinGrouping,
		"percentPrefix": s.PercentPrefix, "percentSuffix": s.PercentSuffix,
		"exponent": s.Exponent,
	} {
		_ = o.Set(k, v)
	}
	return o
}

// numberOverrides corrects x/text's (older) CLDR data where node 20's ICU
// prints otherwise, keyed by base language or full tag.
var numberOverrides = map[string]func(*symbols){
	"fr":    func(s *symbols) { s.Group = "\u202f" },
	"de-CH": func(s *symbols) { s.Group = "'" },
	"ar": func(s *symbols) {
		s.Digits, s.Decimal, s.Group, s.Minus = "0123456789", ".", ",", "\u200e-"
		s.PercentPrefix, s.PercentSuffix = "", "\u200e%\u200e"
	},
}

// minGrouping2 are the locales whose CLDR minimumGroupingDigits is 2
// (1234 has no separator, 12 345 has), which x/text does not carry.
var minGrouping2 = map[string]bool{
	"be": true, "bg": true, "es": true, "et": true, "hu": true, "hy": true, "it": true,
	"ka": true, "lv": true, "pl": true, "pt-PT": true, "sl": true, "sq": true,
}

var symbolCache sync.Map // locale -> symbols

// symbolsFor reads locale's number symbols off numbers x/text formats.
func symbolsFor(locale string) symbols {
	if s, ok := symbolCache.Load(locale); ok {
		return s.(symbols)
	}
	tag := tagOf(locale)
	if locale == "und" {
		tag = language.Und
	}
	p := message.NewPrinter(tag)
	s := symbols{Primary: 3, Secondary: 3, MinGrouping: 1}
	nines := []rune(p.Sprint(number.Decimal(1234567890, number.NoSeparator())))
	if len(nines) == 10 {
		s.Digits = string(nines[9]) + string(nines[:9])
	} else {
		s.Digits = "0123456789"
	}
	isDigit := func(r rune) bool { return strings.ContainsRune(s.Digits, r) }
	// Separators between the digit runs of -1,234,567.5; the last is the
	// decimal point, the others group separators.
	probe := []rune(p.Sprint(number.Decimal(-1234567.5, number.MinFractionDigits(1))))
	var runs []int
	var seps []string
	i := 0
	for i < len(probe) && !isDigit(probe[i]) {
		i++
	}
	s.Minus = string(probe[:i])
	for i < len(probe) {
		j := i
		for j < len(probe) && isDigit(probe[j]) {
			j++
		}
		runs = append(runs, j-i)
		k := j
		for k < len(probe) && !isDigit(probe[k]) {
			k++
		}
		if k > j && k < len(probe) {
			seps = append(seps, string(probe[j:k]))
		}
		i = k
	}
	if len(seps) >= 2 && len(runs) >= 3 {
		s.Decimal, s.Group = seps[len(seps)-1], seps[0]
		s.Primary, s.Secondary = runs[len(runs)-2], runs[len(runs)-3]
	} else {
		s.Decimal, s.Group = ".", ","
	}
	pct := p.Sprint(number.Percent(0.5))
	fifty := string([]rune(s.Digits)[5]) + string([]rune(s.Digits)[0])
	s.PercentPrefix, s.PercentSuffix, _ = strings.Cut(pct, fifty)
	// x/text writes 1×10⁴ where CLDR has a superscripting exponent; ICU
	// then uses "E", else CLDR's exponential symbol (sv ×10^, uk Е, el e).
	s.Exponent = "E"
	sci := []rune(p.Sprint(number.Scientific(12345.0)))
	if n := len(sci); n > 2 && strings.ContainsRune(s.Digits, sci[n-1]) {
		s.Exponent = string(sci[1 : n-1])
	}
	for _, key := range []string{baseOf(tag), tag.String()} {
		if fix, ok := numberOverrides[key]; ok {
			fix(&s)
		}
		if minGrouping2[key] {
			s.MinGrouping = 2
		}
	}
	symbolCache.Store(locale, s)
	return s
}

func baseOf(t language.Tag) string {
	b, _ := t.Base()
	return b.String()
}

// Currency placement by language (or full tag), from CLDR's currency
// patterns, which x/text does not carry: symbol after the number
// ("1.234,50 €"), symbol then a space ("€ 1.234,50"), and accounting
// negatives in parentheses.
var (
	currencyAfter = wordSet("ar az be bg bn bs ca cs da de el es et eu fi fr gl he hr hu hy is it ka kk km ky " +
		"lt lv mk my nb pl pt-PT ro ru sk sl sq sr sv uk uz vi")
	currencySpaced   = wordSet("mn ne nl pt sw")
	accountingParens = wordSet("af am ar bg bn ca cy en et eu fa fil fr ga gl gu ja km kn ko ml mr ms nb nl pl pt-PT ro si sk sl sq sr ta te th tr ur uz zh zu")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// inSet looks tag up by full tag, then language ("pt-PT" before "pt").
func inSet(set map[string]bool, tag language.Tag) bool {
	if s := tag.String(); s == "pt-PT" || set[s] {
		return set[s]
	}
	return set[baseOf(tag)]
}

// currencyInfo returns code's symbol for locale as display asks ("symbol",
// "narrowSymbol", "code"), its placement ("before", "spaced" or "after"),
// whether accounting negatives take parentheses, and its standard number
// of fraction digits.
func currencyInfo(locale, code, display string) (sym, place string, parens bool, digits int) {
	tag := tagOf(locale)
	place = "before"
	switch {
	case inSet(currencyAfter, tag):
		place = "after"
	case inSet(currencySpaced, tag):
		place = "spaced"
	}
	parens = inSet(accountingParens, tag)
	unit, err := currency.ParseISO(code)
	if err != nil {
		return code, place, parens, 2
	}
	digits, _ = currency.Standard.Rounding(unit)
	sym = code
	p := message.NewPrinter(tag)
	switch display {
	case "symbol":
		sym = p.Sprint(currency.Symbol(unit))
	case "narrowSymbol":
		sym = p.Sprint(currency.NarrowSymbol(unit))
	}
	return sym, place, parens, digits
}
