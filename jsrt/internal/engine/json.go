// Package engine holds what jsrt adds to goja's built-ins so that they
// behave as V8's do: JSON.parse's error wording, the names of time zones in
// Date#toString, and Unicode property escapes in regular expressions. Each
// is a pure function of its input; jsrt installs them on a runtime.
package engine

import (
	"fmt"
	"unicode/utf16"
)

// JSONSyntaxMessage is V8's (node 20's) message for the first syntax error
// in the JSON text src, given as UTF-16 code units, or "" when src parses.
// goja's JSON.parse reports encoding/json's wording; jsrt asks this only
// once goja has failed, so a good parse costs nothing.
func JSONSyntaxMessage(src []uint16) string {
	p := &jsonScanner{src: src}
	p.value()
	if p.msg == "" {
		p.space()
		if p.pos < len(p.src) {
			p.msg = fmt.Sprintf("Unexpected non-whitespace character after JSON at position %d", p.pos)
		}
	}
	return p.msg
}

// V8's context for "Unexpected token": sources shorter than
// minContextLen are quoted whole, longer ones by maxContext units around
// the error.
const (
	maxContext    = 10
	minContextLen = 2*maxContext + 1
)

type jsonScanner struct {
	src []uint16
	pos int
	msg string
}

func (p *jsonScanner) failAt(pos int, what string) {
	if p.msg == "" {
		p.msg = fmt.Sprintf("%s in JSON at position %d", what, pos)
	}
}

// unexpected is V8's message for a token that cannot start or continue
// what the parser expects at pos.
func (p *jsonScanner) unexpected(pos int) {
	if p.msg != "" {
		return
	}
	n := len(p.src)
	if pos >= n {
		p.msg = "Unexpected end of JSON input"
		return
	}
	c := p.src[pos]
	if c == '-' || (c >= '0' && c <= '9') {
		p.failAt(pos, "Unexpected number")
		return
	}
	if c == '"' {
		p.failAt(pos, "Unexpected string")
		return
	}
	whole := string(utf16.Decode(p.src))
	switch whole {
	case "NaN", "Infinity", "undefined", "[object Object]":
		p.msg = fmt.Sprintf("\"%s\" is not valid JSON", whole)
		return
	}
	tok := string(utf16.Decode(p.src[pos : pos+1]))
	sub := func(a, b int) string { return string(utf16.Decode(p.src[a:b])) }
	switch {
	case n < minContextLen:
		p.msg = fmt.Sprintf("Unexpected token '%s', \"%s\" is not valid JSON", tok, whole)
	case pos < maxContext:
		p.msg = fmt.Sprintf("Unexpected token '%s', \"%s\"... is not valid JSON", tok, sub(0, pos+maxContext))
	case pos < n-maxContext:
		p.msg = fmt.Sprintf("Unexpected token '%s', ...\"%s\"... is not valid JSON", tok, sub(pos-maxContext, pos+maxContext))
	default:
		p.msg = fmt.Sprintf("Unexpected token '%s', ...\"%s\" is not valid JSON", tok, sub(pos-maxContext, n))
	}
}

func (p *jsonScanner) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonScanner) peek() int {
	p.space()
	if p.pos >= len(p.src) {
		return -1
	}
	return int(p.src[p.pos])
}

// expect consumes c, or reports what (V8's message for that place).
func (p *jsonScanner) expect(c int, what string) bool {
	if p.peek() != c {
		p.failAt(p.pos, what)
		return false
	}
	p.pos++
	return true
}

func (p *jsonScanner) value() {
	if p.msg != "" {
		return
	}
	switch c := p.peek(); {
	case c == '"':
		p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		p.number()
	case c == '{':
		p.object()
	case c == '[':
		p.array()
	case c == 't':
		p.literal("true")
	case c == 'f':
		p.literal("false")
	case c == 'n':
		p.literal("null")
	default:
		p.unexpected(p.pos)
	}
}

func (p *jsonScanner) object() {
	p.pos++ // {
	switch p.peek() {
	case '}':
		p.pos++
		return
	case '"':
	default:
		p.failAt(p.pos, "Expected property name or '}'")
		return
	}
	for p.msg == "" {
		p.str()
		if !p.expect(':', "Expected ':' after property name") {
			return
		}
		p.value()
		if p.msg != "" {
			return
		}
		if p.peek() == ',' {
			p.pos++
			if p.peek() != '"' {
				p.failAt(p.pos, "Expected double-quoted property name")
				return
			}
			continue
		}
		p.expect('}', "Expected ',' or '}' after property value")
		return
	}
}

func (p *jsonScanner) array() {
	p.pos++ // [
	if p.peek() == ']' {
		p.pos++
		return
	}
	for p.msg == "" {
		p.value()
		if p.msg != "" {
			return
		}
		if p.peek() == ',' {
			p.pos++
			continue
		}
		p.expect(']', "Expected ',' or ']' after array element")
		return
	}
}

func (p *jsonScanner) literal(word string) {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.src) || p.src[p.pos] != uint16(word[i]) {
			p.unexpected(p.pos)
			return
		}
		p.pos++
	}
}

func (p *jsonScanner) str() {
	p.pos++ // opening quote
	for {
		if p.pos >= len(p.src) {
			p.failAt(p.pos, "Unterminated string")
			return
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return
		case c < 0x20:
			p.failAt(p.pos, "Bad control character in string literal")
			return
		case c == '\\':
			p.pos++
			if p.pos >= len(p.src) {
				p.unexpected(p.pos)
				return
			}
			switch p.src[p.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos++
			case 'u':
				p.pos++
				for i := 0; i < 4; i++ {
					if p.pos >= len(p.src) || !isHex(p.src[p.pos]) {
						p.failAt(p.pos, "Bad Unicode escape")
						return
					}
					p.pos++
				}
			default:
				p.failAt(p.pos, "Bad escaped character")
				return
			}
		default:
			p.pos++
		}
	}
}

func isHex(c uint16) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func (p *jsonScanner) digits() int {
	start := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

func (p *jsonScanner) number() {
	if p.src[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.src) || p.src[p.pos] < '0' || p.src[p.pos] > '9' {
			p.failAt(p.pos, "No number after minus sign")
			return
		}
	}
	if p.src[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.unexpected(p.pos)
			return
		}
	} else {
		p.digits()
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			p.failAt(p.pos, "Unterminated fractional number")
			return
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			p.failAt(p.pos, "Exponent part is missing a number")
		}
	}
}
