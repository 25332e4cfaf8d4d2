// Package perfhooks implements node's 'perf_hooks' module and the global
// `performance` for ebbnode.
package perfhooks

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "perf_hooks"

//go:embed perf_hooks.js
var source string

var src = jsmod.NewSource("node:perf_hooks", source)

// origin is when this process started running Go code; node's timeOrigin is
// likewise the process start, so performance.now() counts time spent booting.
var origin = time.Now()

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

// Enable sets the global performance object.
func Enable(rt *goja.Runtime) {
	rt.Set("performance", jsmod.GetObject(rt, ModuleName).Get("performance"))
}

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		h := rt.NewObject()
		// now is monotonic (time.Since uses the monotonic clock reading).
		h.Set("now", func() float64 { return float64(time.Since(origin).Nanoseconds()) / 1e6 })
		h.Set("timeOrigin", float64(origin.UnixNano())/1e6)
		return src.Run(rt, exports, h)
	})
}
