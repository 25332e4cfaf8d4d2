package util_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"

	"github.com/ebbnode/ebbnode/jsrt/modules/all"
)

func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	new(require.Registry).Enable(rt)
	all.EnableGlobals(rt)
	return rt
}
