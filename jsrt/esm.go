package jsrt

import (
	"sync"

	_ "embed"
	"net/url"
	"path"
	"strings"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// This file is the loader's half of ES modules, TypeScript and lowered
// syntax: compiling transformed text (jsrt/transform's output, or a
// bundle's) with its source map, import(), import.meta, top-level await,
// and the interop helpers of esm.js.

//go:embed esm.js
var esmSrc string

// esmPrg is compiled on first use, not at init: only transformed modules
// need it, and compiling costs every image's boot (tens of ms under TCG).
var esmPrg = sync.OnceValue(func() *goja.Program { return goja.MustCompile("node:internal/esm", esmSrc, true) })

// dynamicImport is import(id) from module m (esbuild lowers it to a call
// of this): "import" conditions, and the module's namespace as node
// builds it (for CommonJS, default is module.exports).
func (l *loader) dynamicImport(m *goja.Object, idv goja.Value) goja.Value {
	exp, child := l.loadModule(m, l.checkID(idv), bundle.ImportConditions)
	if p := l.tla[child]; p != nil {
		return l.callInterop("awaitNamespace", p) // settles after its await
	}
	return l.callInterop("dynamicNamespace", exp)
}

// callInterop calls one of esm.js's helpers.
func (l *loader) callInterop(name string, arg goja.Value) goja.Value {
	fn, _ := goja.AssertFunction(l.interopObject().ToObject(l.rt).Get(name))
	v, err := fn(goja.Undefined(), arg)
	if err != nil {
		throw(l.rt, err)
	}
	return v
}

// mainAwaiting reports whether the main module's top-level await has not
// settled.
func (l *loader) mainAwaiting() bool {
	p := l.tla[l.mainMod]
	return p != nil && pending(p)
}

// pending reports whether promise p has not settled.
func pending(p *goja.Object) bool {
	pr, ok := p.Export().(*goja.Promise)
	return ok && pr.State() == goja.PromiseStatePending
}

// transformedHead is the wrapper of transformed modules: node's, plus
// import.meta and the interop helpers (see jsrt/transform).
const transformedHead = "(function (exports, require, module, __filename, __dirname, __ebbnode_meta, __ebbnode, __dynim, __ebbnode_tla) { "

// esmHead is transformedHead for ES modules, which have no __filename or
// __dirname: the parameters are renamed so a module may declare its own
// (const __dirname = path.dirname(fileURLToPath(import.meta.url)), as
// yargs does) — esbuild already renames a top-level require, module or
// exports.
const esmHead = "(function (exports, require, module, __ebbnode_filename, __ebbnode_dirname, __ebbnode_meta, __ebbnode, __dynim, __ebbnode_tla) { \"use strict\"; "

// loadTransformed compiles and runs transformed text (bundle.MarkESM or
// MarkCJS first), mapping positions through its inline source map.
func (l *loader) loadTransformed(m *goja.Object, filename, text string) error {
	fn, err := l.compileTransformed(filename, text)
	if err != nil {
		return err
	}
	return l.runTransformed(m, filename, text, fn)
}

// compileTransformed compiles transformed text in its wrapper.
func (l *loader) compileTransformed(filename, text string) (goja.Callable, error) {
	_, esm := bundle.Transformed(text)
	head := transformedHead
	if esm {
		head = esmHead
	}
	return l.compileWrapper(filename, text, head+text+"\n})", esm)
}

// runTransformed runs a compiled transformed module with its extra
// wrapper arguments.
func (l *loader) runTransformed(m *goja.Object, filename, text string, fn goja.Callable) error {
	_, esm := bundle.Transformed(text)
	if esm {
		l.esm[m] = true
		l.esmFiles[filename] = true
	}
	l.mapped[filename] = true
	var meta goja.Value = goja.Undefined()
	if esm {
		meta = l.importMeta(m, filename)
	}
	dynim := l.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return l.dynamicImport(m, call.Argument(0))
	})
	tla := l.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(l.interopObject().ToObject(l.rt).Get("tla"))
		done, err := fn(goja.Undefined(), m, call.Argument(0))
		if err != nil {
			throw(l.rt, err)
		}
		l.tla[m] = done.ToObject(l.rt)
		return goja.Undefined()
	})
	return l.run(m, fn, filename, []goja.Value{meta, l.interopObject(), dynim, tla})
}

// interopObject is the __ebbnode object of transformed modules (esm.js).
func (l *loader) interopObject() goja.Value {
	if l.interop == nil {
		v, err := l.rt.RunProgram(esmPrg())
		if err != nil {
			panic(err)
		}
		l.interop = v
	}
	return l.interop
}

// importMeta is an ES module's import.meta: url, filename, dirname and
// resolve, as node 20.20 has them.
func (l *loader) importMeta(m *goja.Object, filename string) goja.Value {
	rt := l.rt
	meta := rt.NewObject()
	_ = meta.Set("dirname", path.Dir(filename))
	_ = meta.Set("filename", filename)
	_ = meta.Set("url", fileURL(filename))
	_ = meta.Set("resolve", func(call goja.FunctionCall) goja.Value {
		id := l.checkID(call.Argument(0))
		if _, ok := l.coreName(id); ok {
			if !strings.HasPrefix(id, "node:") {
				id = "node:" + id
			}
			return rt.ToValue(id)
		}
		return rt.ToValue(fileURL(l.resolve(m, id)))
	})
	return meta
}

// fileURL is url.pathToFileURL(p).href.
func fileURL(p string) string {
	return (&url.URL{Scheme: "file", Path: p}).String()
}
