package jsmod

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func init() {
	// Test-only modules; the names cannot clash with real ones.
	RegisterInternal("test/counter", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		src := NewSource("test/counter", "exports.n = (globalThis.__builds = (globalThis.__builds || 0) + 1);")
		return src.Run(rt, exports, nil)
	})
	RegisterInternal("test/replace", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		src := NewSource("test/replace", "module.exports = function f() { return require('test/counter').n; };")
		return src.Run(rt, exports, nil)
	})
	RegisterInternal("test/self", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return NewSource("test/self", "require('test/self');").Run(rt, exports, nil)
	})
	RegisterInternal("test/syntax", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return NewSource("test/syntax", "this is not javascript").Run(rt, exports, nil)
	})
}

func TestGetBuildsOncePerRuntime(t *testing.T) {
	rt := goja.New()
	a := Get(rt, "test/counter")
	b := Get(rt, "test/counter")
	if a != b {
		t.Fatal("second Get built the module again")
	}
	if n := a.ToObject(rt).Get("n").ToInteger(); n != 1 {
		t.Errorf("module body ran %d times, want 1", n)
	}
	other := goja.New()
	if Get(other, "test/counter") == a {
		t.Error("two runtimes share one exports object")
	}
}

func TestModuleExportsReplacementAndRequire(t *testing.T) {
	rt := goja.New()
	fn, ok := goja.AssertFunction(Get(rt, "test/replace"))
	if !ok {
		t.Fatal("module.exports replacement was not returned")
	}
	v, err := fn(goja.Undefined())
	if err != nil {
		t.Fatalf("call: %v", err)
	}
	if v.ToInteger() != 1 {
		t.Errorf("require inside a module returned %v", v)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ name, want string }{
		{"test/nope", "unknown module"},
		{"test/self", "requires itself"},
		{"test/syntax", "compile test/syntax"},
	}
	for _, c := range cases {
		func() {
			defer func() {
				r := recover()
				if r == nil {
					t.Errorf("Get(%s) did not fail", c.name)
					return
				}
				if msg := errString(r); !strings.Contains(msg, c.want) {
					t.Errorf("Get(%s) failed with %q, want it to mention %q", c.name, msg, c.want)
				}
			}()
			Get(goja.New(), c.name)
		}()
	}
}

func errString(r any) string {
	switch e := r.(type) {
	case *goja.Object:
		return e.String()
	case error:
		return e.Error()
	}
	return ""
}
