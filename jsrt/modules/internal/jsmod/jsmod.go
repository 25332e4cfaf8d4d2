// Package jsmod builds ebbnode's core modules once per goja runtime and lets
// them reach each other without going through the user-visible require (which
// the host may not have enabled, or may have wrapped).
//
// A module is registered with a Builder. Get builds it on first use in a
// runtime and caches the resulting exports on that runtime, so require('util')
// from a script and util.Format from Go see the same object (and the same
// util.inspect.defaultOptions).
//
// Modules find each other by name when they run, so a package blank-imports
// the packages its JS requires, except where that would be an import cycle
// (util and buffer use each other; internal/errors uses util): package all
// links every module, and hosts should import it.
//
// All functions must be called on the goroutine that owns the runtime.
package jsmod

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// Builder fills in a module's exports. It returns the final exports value,
// which may be a different object (module.exports = EventEmitter).
type Builder func(rt *goja.Runtime, exports *goja.Object) goja.Value

var builders = map[string]Builder{}

// cacheSym keys the per-runtime cache on the global object. A symbol keeps it
// out of the way of scripts that enumerate global names.
var cacheSym = goja.NewSymbol("ebbnode.jsmod")

type cache struct {
	mods     map[string]goja.Value
	building map[string]bool
}

// RegisterInternal makes name available to Get (and to the require passed to
// embedded modules) without exposing it to scripts. Call it from init.
func RegisterInternal(name string, b Builder) {
	if _, dup := builders[name]; dup {
		panic(fmt.Sprintf("jsmod: module %q registered twice", name))
	}
	builders[name] = b
}

// Register makes name available to Get and registers it as a node core module
// (so both require('name') and require('node:name') work). Call it from init.
func Register(name string, b Builder) {
	RegisterInternal(name, b)
	require.RegisterCoreModule(name, func(rt *goja.Runtime, module *goja.Object) {
		module.Set("exports", Get(rt, name))
	})
}

func runtimeCache(rt *goja.Runtime) *cache {
	g := rt.GlobalObject()
	if v := g.GetSymbol(cacheSym); v != nil {
		if c, ok := v.Export().(*cache); ok {
			return c
		}
	}
	c := &cache{mods: map[string]goja.Value{}, building: map[string]bool{}}
	if err := g.DefineDataPropertySymbol(cacheSym, rt.ToValue(c), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(rt.NewGoError(fmt.Errorf("jsmod: install module cache: %w", err)))
	}
	return c
}

// Get returns the exports of module name in rt, building it on first use.
// It panics with a JS error if the module is unknown or requires itself while
// being built.
func Get(rt *goja.Runtime, name string) goja.Value {
	c := runtimeCache(rt)
	if v, ok := c.mods[name]; ok {
		return v
	}
	b, ok := builders[name]
	if !ok {
		panic(rt.NewGoError(fmt.Errorf("jsmod: unknown module %q", name)))
	}
	if c.building[name] {
		panic(rt.NewGoError(fmt.Errorf("jsmod: module %q requires itself while loading", name)))
	}
	c.building[name] = true
	defer delete(c.building, name)
	v := b(rt, rt.NewObject())
	c.mods[name] = v
	return v
}

// GetObject is Get for modules whose exports are an object (all of ours).
func GetObject(rt *goja.Runtime, name string) *goja.Object {
	return Get(rt, name).ToObject(rt)
}

// WithInternal extends require, the core-module require a host hands to its
// own JS (the prelude, fs.js), with the internal modules ("internal/errors"),
// which scripts cannot require.
func WithInternal(rt *goja.Runtime, require func(string) goja.Value) func(string) goja.Value {
	return func(name string) goja.Value {
		if _, ok := builders[name]; ok && strings.HasPrefix(name, "internal/") {
			return Get(rt, name)
		}
		return require(name)
	}
}
