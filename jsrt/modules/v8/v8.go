// Package v8 implements the parts of node's 'v8' module that make sense
// on goja: heap statistics (from the Go runtime's memory statistics, the
// heap the JS objects live in), the startup-snapshot queries (never
// building one), and the no-op flag setter. Libraries load it for those
// (koa asks v8.startupSnapshot.isBuildingSnapshot()); the V8 value
// serializer and heap snapshots are not provided.
package v8

import (
	_ "embed"
	"runtime"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "v8"

//go:embed v8.js
var source string

var src = jsmod.NewSource("node:v8", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		h := rt.NewObject()
		_ = h.Set("memStats", func() map[string]any {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return map[string]any{
				"heapSys":   float64(m.HeapSys),
				"heapInuse": float64(m.HeapInuse),
				"heapAlloc": float64(m.HeapAlloc),
				"sys":       float64(m.Sys),
				"stackSys":  float64(m.StackSys),
			}
		})
		return src.Run(rt, exports, h)
	})
}
