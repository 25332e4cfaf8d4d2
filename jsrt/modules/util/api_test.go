package util_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// TestFormatFromGo exercises the Go contract console.log relies on: the
// arguments are JS values built by the script, the result is node's
// util.format output (expected strings recorded from node 20).
func TestFormatFromGo(t *testing.T) {
	cases := []struct {
		name string
		args string // JS array expression
		want string
	}{
		{"empty", "[]", ""},
		{"plain string", "['hi']", "hi"},
		{"strings unquoted at top level", "['a', 'b']", "a b"},
		{"numbers", "[1, -0, 1.5, NaN]", "1 -0 1.5 NaN"},
		{"placeholders", "['%s=%d %i %f %j %%', 'x', 42.9, 42.9, '1.5', {a: 1}]", `x=42.9 42 1.5 {"a":1} %`},
		{"extra args inspected", "['%s', 'a', {b: 'c'}, [1, 'd']]", "a { b: 'c' } [ 1, 'd' ]"},
		{"missing args", "['%s %s', 'only']", "only %s"},
		{"object first", "[{a: [1, 2]}, 'tail']", "{ a: [ 1, 2 ] } tail"},
		{"nested depth", "[{a: {b: {c: {d: 1}}}}]", "{ a: { b: { c: [Object] } } }"},
		{"map and set", "[new Map([['k', 1]]), new Set([1])]", "Map(1) { 'k' => 1 } Set(1) { 1 }"},
		{"buffer", "[Buffer.from('hi')]", "<Buffer 68 69>"},
		{"string object is inspected", "['a', new String('b')]", "a [String: 'b']"},
		{"percent in later string", "['a', '%s']", "a %s"},
	}
	rt := newRuntime(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := rt.RunString(c.args)
			if err != nil {
				t.Fatalf("build args: %v", err)
			}
			var args []goja.Value
			if err := rt.ExportTo(v, &args); err != nil {
				t.Fatalf("export args: %v", err)
			}
			if got := util.Format(rt, args); got != c.want {
				t.Errorf("Format(%s) = %q, want %q", c.args, got, c.want)
			}
		})
	}
}

func TestInspectFromGo(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"'str'", "'str'"},
		{"\"it's\"", `"it's"`},
		{"undefined", "undefined"},
		{"null", "null"},
		{"10n", "10n"},
		{"Symbol('s')", "Symbol(s)"},
		{"[1, , 3]", "[ 1, <1 empty item>, 3 ]"},
		{"(function f() {})", "[Function: f]"},
		{"(class A {})", "[class A]"},
		{"Object.create(null)", "[Object: null prototype] {}"},
		{"(() => { const o = {}; o.o = o; return o; })()", "<ref *1> { o: [Circular *1] }"},
		{"new Uint8Array([1, 2])", "Uint8Array(2) [ 1, 2 ]"},
		{"Promise.resolve(4)", "Promise { 4 }"},
		{"new Promise(() => {})", "Promise { <pending> }"},
		{"({ get g() { return 1; } })", "{ g: [Getter] }"},
		{"new Date(0)", "1970-01-01T00:00:00.000Z"},
		{"/re/g", "/re/g"},
		{"new (class Foo { constructor() { this.x = 1; } })()", "Foo { x: 1 }"},
		{"({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'mine'; } })", "mine"},
	}
	rt := newRuntime(t)
	for _, c := range cases {
		v, err := rt.RunString("(" + c.expr + ")")
		if err != nil {
			t.Fatalf("evaluate %s: %v", c.expr, err)
		}
		if got := util.Inspect(rt, v); got != c.want {
			t.Errorf("Inspect(%s) = %q, want %q", c.expr, got, c.want)
		}
	}
}

// TestSameInstance checks that util.Format uses the instance scripts get
// from require('util'), so inspect.defaultOptions changes apply to it.
func TestSameInstance(t *testing.T) {
	rt := newRuntime(t)
	if _, err := rt.RunString("require('util').inspect.defaultOptions.depth = 0"); err != nil {
		t.Fatalf("set depth: %v", err)
	}
	v, err := rt.RunString("({ a: { b: 1 } })")
	if err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	if got, want := util.Inspect(rt, v), "{ a: [Object] }"; got != want {
		t.Errorf("Inspect after depth=0: %q, want %q", got, want)
	}
}
