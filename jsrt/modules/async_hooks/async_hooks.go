// Package asynchooks implements node's 'async_hooks' module for ebbnode:
// AsyncLocalStorage and AsyncResource over the event loop's async context
// (internal/hostenv.AsyncContext), which the loop carries into timers,
// immediates, ticks and promise reactions as node does. createHook exists
// so libraries load, but its callbacks are never called: goja reports no
// resource lifecycle to hook.
package asynchooks

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "async_hooks"

//go:embed async_hooks.js
var source string

var src = jsmod.NewSource("node:async_hooks", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		// Without a jsrt loop (a bare goja runtime) a private context still
		// serves synchronous run()/getStore().
		ctx := &hostenv.AsyncContext{}
		if env := hostenv.Get(rt); env != nil && env.Context != nil {
			ctx = env.Context
		}
		h := rt.NewObject()
		_ = h.Set("enable", ctx.Enable)
		_ = h.Set("get", func() goja.Value { return ctx.Value })
		_ = h.Set("set", func(v goja.Value) {
			if goja.IsUndefined(v) || goja.IsNull(v) {
				v = nil
			}
			ctx.Value = v
		})
		return src.Run(rt, exports, h)
	})
}
