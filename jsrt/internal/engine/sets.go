package engine

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TranslateUnicodeSets rewrites a pattern written for the v flag
// (unicodeSets) as one for the u flag, which goja knows: each character
// class, with its nested classes, set subtraction (--) and intersection
// (&&), becomes one class of explicit ranges. Outside classes the v and u
// syntaxes agree (property escapes there are TranslatePropertyEscapes'
// business), except properties of strings (\p{RGI_Emoji}), rewritten
// here. Strings in classes (\q{abc}, \p{RGI_Emoji} in a class) are not
// supported.
func TranslateUnicodeSets(pattern string) (string, error) {
	var b strings.Builder
	p := &setParser{s: pattern}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '\\':
			if name, n, isProp := propertyName(p.s[p.i:]); isProp {
				if alt, ok := stringPropertyPattern(name); ok {
					if p.s[p.i+1] == 'P' {
						return "", errPropertyName // V8: no \P of strings
					}
					b.WriteString(alt)
					p.i += n
					continue
				}
			}
			end := min(p.i+2, len(p.s))
			b.WriteString(p.s[p.i:end])
			p.i = end
		case '[':
			p.i++
			rs, err := p.class()
			if err != nil {
				return "", err
			}
			if len(rs) == 0 {
				b.WriteString("(?!)") // the empty class matches nothing
				continue
			}
			b.WriteByte('[')
			for _, r := range rs {
				writeRange(&b, r[0], r[1])
			}
			b.WriteByte(']')
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return b.String(), nil
}

type setParser struct {
	s string
	i int
}

var errSet = errors.New("Invalid set operation in character class")

// class parses a class body after its '[' up to and including its ']'.
func (p *setParser) class() ([][2]rune, error) {
	negate := p.eat("^")
	first, err := p.operand(true)
	if err != nil {
		return nil, err
	}
	set := first
	switch {
	case strings.HasPrefix(p.s[p.i:], "--"), strings.HasPrefix(p.s[p.i:], "&&"):
		op := p.s[p.i : p.i+2]
		for p.eat(op) {
			rhs, err := p.operand(false)
			if err != nil {
				return nil, err
			}
			if op == "--" {
				set = complement(union(complement(set), rhs))
			} else {
				set = complement(union(complement(set), complement(rhs)))
			}
		}
	default:
		for p.i < len(p.s) && p.s[p.i] != ']' {
			more, err := p.operand(true)
			if err != nil {
				return nil, err
			}
			set = union(set, more)
		}
	}
	if !p.eat("]") {
		return nil, errSet
	}
	if negate {
		set = complement(set)
	}
	return set, nil
}

func (p *setParser) eat(tok string) bool {
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

// operand parses a nested class, a class escape, a character or, where
// ranges are allowed, a range.
func (p *setParser) operand(ranges bool) ([][2]rune, error) {
	if p.i >= len(p.s) {
		return nil, errSet
	}
	if p.eat("[") {
		return p.class()
	}
	if p.s[p.i] == '\\' && p.i+1 < len(p.s) {
		switch n := p.s[p.i+1]; n {
		case 'p', 'P':
			end := strings.IndexByte(p.s[p.i:], '}')
			if end < 0 || p.i+2 >= len(p.s) || p.s[p.i+2] != '{' {
				return nil, errPropertyName
			}
			rs, err := property(p.s[p.i+3 : p.i+end])
			if err != nil {
				return nil, err
			}
			p.i += end + 1
			if n == 'P' {
				rs = complement(rs)
			}
			return rs, nil
		case 'd', 'D', 'w', 'W', 's', 'S':
			p.i += 2
			rs := classEscapes[n|0x20]
			if n < 'a' {
				rs = complement(rs)
			}
			return rs, nil
		case 'q':
			return p.strings()
		}
	}
	lo, err := p.char()
	if err != nil {
		return nil, err
	}
	if ranges && p.i+1 < len(p.s) && p.s[p.i] == '-' && p.s[p.i+1] != '-' {
		p.i++
		hi, err := p.char()
		if err != nil {
			return nil, err
		}
		if hi < lo {
			return nil, errors.New("Range out of order in character class")
		}
		return [][2]rune{{lo, hi}}, nil
	}
	return [][2]rune{{lo, lo}}, nil
}

// strings parses \q{a|b|c}: single characters only.
func (p *setParser) strings() ([][2]rune, error) {
	end := strings.IndexByte(p.s[p.i:], '}')
	if end < 0 {
		return nil, errSet
	}
	var set [][2]rune
	for _, alt := range strings.Split(p.s[p.i+3:p.i+end], "|") {
		q := &setParser{s: alt}
		c, err := q.char()
		if err != nil || q.i != len(alt) {
			return nil, errors.New("strings in a class (\\q{...}) are not supported")
		}
		set = union(set, [][2]rune{{c, c}})
	}
	p.i += end + 1
	return set, nil
}

// classEscapes are \d, \w and \s.
var classEscapes = map[byte][][2]rune{
	'd': {{'0', '9'}},
	'w': {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}},
	's': union([][2]rune{{'\t', '\r'}, {' ', ' '}, {0xa0, 0xa0}, {0x1680, 0x1680}, {0x2000, 0x200a},
		{0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff}}),
}

// char parses one class character: literal or escaped.
func (p *setParser) char() (rune, error) {
	if p.i >= len(p.s) {
		return 0, errSet
	}
	if p.s[p.i] != '\\' {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
		return r, nil
	}
	if p.i+1 >= len(p.s) {
		return 0, errors.New("\\ at end of pattern")
	}
	c := p.s[p.i+1]
	p.i += 2
	switch c {
	case 'n':
		return '\n', nil
	case 't':
		return '\t', nil
	case 'r':
		return '\r', nil
	case 'v':
		return '\v', nil
	case 'f':
		return '\f', nil
	case '0':
		return 0, nil
	case 'b':
		return '\b', nil
	case 'c':
		if p.i < len(p.s) {
			p.i++
			return rune(p.s[p.i-1] % 32), nil
		}
	case 'x':
		return p.hex(2)
	case 'u':
		if p.eat("{") {
			end := strings.IndexByte(p.s[p.i:], '}')
			if end < 0 {
				return 0, errors.New("Invalid Unicode escape")
			}
			v, err := strconv.ParseUint(p.s[p.i:p.i+end], 16, 32)
			p.i += end + 1
			return rune(v), err
		}
		return p.hex(4)
	}
	if c >= utf8.RuneSelf {
		p.i -= 1
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
		return r, nil
	}
	return rune(c), nil // an escaped syntax character
}

func (p *setParser) hex(n int) (rune, error) {
	if p.i+n > len(p.s) {
		return 0, errors.New("Invalid escape")
	}
	v, err := strconv.ParseUint(p.s[p.i:p.i+n], 16, 32)
	p.i += n
	return rune(v), err
}

// propertyName reads \p{Name} or \P{Name} at the start of s: the name
// and the escape's length.
func propertyName(s string) (name string, n int, ok bool) {
	if len(s) < 4 || s[0] != '\\' || (s[1] != 'p' && s[1] != 'P') || s[2] != '{' {
		return "", 0, false
	}
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return "", 0, false
	}
	return s[3:end], end + 1, true
}
