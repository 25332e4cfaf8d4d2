// Package osmod implements node's 'os' module for ebbnode. Facts come from
// Go and, when running hosted, from /proc (sysinfo.go); inside the native
// image /proc is absent and the fallbacks apply.
package osmod

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "os"

//go:embed os.js
var source string

var src = jsmod.NewSource("node:os", source)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}

func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	h.Set("hostname", hostname)
	h.Set("homedir", homedir)
	h.Set("uname", func() map[string]string { return uname() })
	h.Set("cpus", func() []map[string]any { return cpus() })
	h.Set("totalmem", totalmem)
	h.Set("freemem", freemem)
	h.Set("uptime", uptime)
	h.Set("loadavg", loadavg)
	h.Set("userInfo", func() map[string]any { return userInfo() })
	h.Set("parallelism", parallelism)
	h.Set("signals", func() map[string]int { return signalNumbers })
	h.Set("errnos", func() map[string]int { return errnoNumbers })
	return h
}
