// Package util implements node's 'util' module for ebbnode: util.inspect
// (inspect.js with primitives.js and layout.js), util.format (format.js),
// util.types (types.js), deep equality (comparisons.js, shared with assert)
// and the rest (util.js). Go supplies
// what JS cannot see: promise state, proxies and UTF-8 coding.
package util

import (
	_ "embed"
	"reflect"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/os"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "util"

var (
	//go:embed util.js
	utilJS string
	//go:embed inspect.js
	inspectJS string
	//go:embed types.js
	typesJS string
	//go:embed comparisons.js
	comparisonsJS string
	//go:embed primitives.js
	primitivesJS string
	//go:embed layout.js
	layoutJS string
	//go:embed format.js
	formatJS string
	//go:embed parse_args.js
	parseArgsJS string

	utilSrc        = jsmod.NewSource("node:util", utilJS)
	inspectSrc     = jsmod.NewSource("node:internal/util/inspect", inspectJS)
	typesSrc       = jsmod.NewSource("node:internal/util/types", typesJS)
	comparisonsSrc = jsmod.NewSource("node:internal/util/comparisons", comparisonsJS)
	primitivesSrc  = jsmod.NewSource("node:internal/util/inspect/primitives", primitivesJS)
	layoutSrc      = jsmod.NewSource("node:internal/util/inspect/layout", layoutJS)
	formatSrc      = jsmod.NewSource("node:internal/util/format", formatJS)
	parseArgsSrc   = jsmod.NewSource("node:internal/util/parse_args", parseArgsJS)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func init() {
	jsmod.RegisterInternal("internal/types", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return typesSrc.Run(rt, exports, helpers(rt))
	})
	jsmod.RegisterInternal("internal/comparisons", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return comparisonsSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/inspect/primitives", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return primitivesSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/inspect/layout", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return layoutSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/util/format", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return formatSrc.Run(rt, exports, helpers(rt))
	})
	jsmod.RegisterInternal("internal/util/parse_args", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return parseArgsSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/inspect", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		h := helpers(rt)
		h.Set("types", jsmod.Get(rt, "internal/types"))
		return inspectSrc.Run(rt, exports, h)
	})
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return utilSrc.Run(rt, exports, helpers(rt))
	})
}

// helpers are the Go functions the JS parts call through `internal`.
func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	h.Set("promiseState", func(v goja.Value) goja.Value {
		if p := asPromise(v); p != nil {
			switch p.State() {
			case goja.PromiseStatePending:
				return rt.ToValue("pending")
			case goja.PromiseStateFulfilled:
				return rt.ToValue("fulfilled")
			default:
				return rt.ToValue("rejected")
			}
		}
		return goja.Undefined()
	})
	h.Set("promiseResult", func(v goja.Value) goja.Value {
		if p := asPromise(v); p != nil && p.Result() != nil {
			return p.Result()
		}
		return goja.Undefined()
	})
	h.Set("isProxy", func(v goja.Value) bool {
		o, ok := v.(*goja.Object)
		if !ok {
			return false
		}
		return o.ExportType() == proxyType
	})
	// proxyDetails is node's getProxyDetails: [target, handler] for a
	// proxy, null for a revoked one, undefined for anything else. It
	// reads them without running a trap.
	h.Set("proxyDetails", func(v goja.Value) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		// ExportType first: Export copies a whole Map or array (and
		// never ends on a circular one).
		if o.ExportType() != proxyType {
			return goja.Undefined()
		}
		p, ok := o.Export().(goja.Proxy)
		if !ok {
			return goja.Undefined()
		}
		t, hd := p.Target(), p.Handler()
		if t == nil || hd == nil {
			return goja.Null()
		}
		return rt.NewArray(t, hd)
	})
	h.Set("encodeUTF8", func(v goja.Value) goja.Value { return encodeUTF8(rt, v) })
	h.Set("decodeUTF8", func(call goja.FunctionCall) goja.Value { return decodeUTF8(rt, call) })
	return h
}

var proxyType = reflect.TypeOf(goja.Proxy{})

func asPromise(v goja.Value) *goja.Promise {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	p, _ := o.Export().(*goja.Promise)
	return p
}
