package all_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"

	"github.com/ebbnode/ebbnode/jsrt/modules/all"
)

// TestEnableGlobals checks each global exists, is the module's export, and
// has node's enumerability.
func TestEnableGlobals(t *testing.T) {
	rt := goja.New()
	new(require.Registry).Enable(rt)
	all.EnableGlobals(rt)
	cases := []struct {
		global, same string
		enumerable   bool
	}{
		{"Buffer", "require('buffer').Buffer", false},
		{"atob", "require('buffer').atob", true},
		{"btoa", "require('buffer').btoa", true},
		{"Blob", "require('buffer').Blob", false},
		{"File", "require('buffer').File", false},
		{"URL", "require('url').URL", false},
		{"URLSearchParams", "require('url').URLSearchParams", false},
		{"TextEncoder", "require('util').TextEncoder", false},
		{"TextDecoder", "require('util').TextDecoder", false},
		{"performance", "require('perf_hooks').performance", true},
		{"crypto", "require('crypto').webcrypto", true},
		{"Crypto", "require('crypto').webcrypto.constructor", false},
		{"SubtleCrypto", "require('crypto').subtle.constructor", false},
		{"PerformanceEntry", "require('perf_hooks').PerformanceEntry", false},
		{"PerformanceObserver", "require('perf_hooks').PerformanceObserver", false},
	}
	for _, c := range cases {
		t.Run(c.global, func(t *testing.T) {
			v, err := rt.RunString(c.global + " === " + c.same + " && " + c.global + " === " + c.global)
			if err != nil {
				t.Fatalf("evaluate: %v", err)
			}
			if !v.ToBoolean() {
				t.Errorf("global %s is missing or differs from %s", c.global, c.same)
			}
			v, err = rt.RunString("Object.keys(globalThis).includes('" + c.global + "')")
			if err != nil {
				t.Fatalf("evaluate: %v", err)
			}
			if v.ToBoolean() != c.enumerable {
				t.Errorf("global %s enumerable = %v, want %v", c.global, v.ToBoolean(), c.enumerable)
			}
		})
	}
	v, err := rt.RunString("globalThis.Buffer = 5; Buffer === 5")
	if err != nil || !v.ToBoolean() {
		t.Errorf("assigning a global did not replace it (err %v)", err)
	}
}

// TestNodePrefix checks every module also loads as node:<name>.
func TestNodePrefix(t *testing.T) {
	rt := goja.New()
	new(require.Registry).Enable(rt)
	for _, m := range []string{"assert", "buffer", "crypto", "events", "os", "path", "perf_hooks",
		"querystring", "string_decoder", "url", "util", "assert/strict"} {
		v, err := rt.RunString("require('" + m + "') === require('node:" + m + "')")
		if err != nil {
			t.Fatalf("require %s: %v", m, err)
		}
		if !v.ToBoolean() {
			t.Errorf("require('node:%s') is not require('%s')", m, m)
		}
	}
}

// BenchmarkEnableGlobals measures what every script start pays for the
// module globals (the embedded JS is compiled once per process).
func BenchmarkEnableGlobals(b *testing.B) {
	for b.Loop() {
		rt := goja.New()
		all.EnableGlobals(rt)
	}
}
