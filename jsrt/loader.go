package jsrt

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja_nodejs/require"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
	fsmod "github.com/ebbnode/ebbnode/jsrt/modules/fs"
)

// loader is node's CommonJS loader for one runtime.
type loader struct {
	v        *vm
	rt       *goja.Runtime
	cache    *goja.Object // require.cache: filename -> module
	builtin  *require.RequireModule
	own      map[string]func() goja.Value // core modules that need the vm
	ownCache map[string]goja.Value
	mainMod  *goja.Object
	ext      *goja.Object // require.extensions, shared by every require
	timers   *goja.Object
	// timersPromises is require('timers/promises').
	timersPromises goja.Value

	// coreRequire is the global require core modules call each other with.
	coreRequire func(goja.FunctionCall) goja.Value

	res *bundle.Resolver
	// esm marks the module objects of ES modules: their imports resolve
	// with node's "import" conditions.
	esm map[*goja.Object]bool
	// mapped are the files compiled from transformed text, whose positions
	// come from source maps (no wrapper column shift); orig holds their
	// original sources when this process transformed them.
	mapped map[string]bool
	orig   map[string]string
	// esmFiles are the files loaded as ES modules (node names them by
	// URL in stacks).
	esmFiles map[string]bool
	// tla holds, for modules with top-level await, the promise of their
	// namespace (see jsrt/transform's tla.go).
	tla map[*goja.Object]*goja.Object
	// interop is the __ebbnode object transformed modules receive.
	interop goja.Value
}

// wrapperHead is the CommonJS function wrapper's head. It is kept on the
// module's first line so line numbers stay right; columns on that line are
// corrected by its length when errors are printed.
const wrapperHead = "(function (exports, require, module, __filename, __dirname) { "

func newLoader(v *vm) *loader {
	rt := v.rt
	l := &loader{v: v, rt: rt, ownCache: map[string]goja.Value{}, res: newResolver(v.fs),
		esm: map[*goja.Object]bool{}, mapped: map[string]bool{}, orig: map[string]string{},
		esmFiles: map[string]bool{}, tla: map[*goja.Object]*goja.Object{}}
	l.cache = rt.NewObject()
	// A registry whose file loader finds nothing: it only answers for core
	// modules registered with goja_nodejs's RegisterCoreModule.
	reg := require.NewRegistry(require.WithLoader(func(string) ([]byte, error) {
		return nil, require.ModuleFileDoesNotExistError
	}))
	l.builtin = reg.Enable(rt)
	l.coreRequire = func(call goja.FunctionCall) goja.Value {
		return l.requireCore(call.Argument(0).String())
	}
	l.own = map[string]func() goja.Value{
		"fs": func() goja.Value {
			return fsmod.Module(rt, fsHost{v}, l.requireCore)
		},
		"fs/promises":     func() goja.Value { return l.requireCore("fs").ToObject(rt).Get("promises") },
		"timers":          func() goja.Value { return l.timers },
		"timers/promises": func() goja.Value { return l.timersPromises },
		"process":         func() goja.Value { return v.process },
		"console":         func() goja.Value { return rt.Get("console") },
		"module":          func() goja.Value { return l.moduleModule() },
		"readline":        func() goja.Value { return l.readlineModule() },
		"worker_threads":  func() goja.Value { return v.wt().Get("exports") },
		"cluster":         func() goja.Value { return v.clusterModule() },
		"readline/promises": func() goja.Value {
			return l.requireCore("readline").ToObject(rt).Get("promises")
		},
		"util/types": func() goja.Value { return l.requireCore("util").ToObject(rt).Get("types") },
		"constants":  func() goja.Value { return l.constantsModule() },
	}
	return l
}

// isCore reports whether name (without "node:") is a core module, and
// returns its exports if so.
func (l *loader) core(name string) (goja.Value, bool) {
	if v, ok := l.ownCache[name]; ok {
		return v, true
	}
	if mk, ok := l.own[name]; ok {
		val := mk()
		l.ownCache[name] = val
		return val, true
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "/") {
		return nil, false
	}
	val, err := l.builtin.Require(name)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			panic(ex) // the module threw while loading
		}
		return nil, false
	}
	return val, true
}

// requireCore loads a core module by name (with or without "node:").
func (l *loader) requireCore(name string) goja.Value {
	bare := strings.TrimPrefix(name, "node:")
	if v, ok := l.core(bare); ok {
		return v
	}
	panic(l.nodeError("Error", "ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: "+name))
}

// nodeError builds an error like node's internal ones: name [code] in the
// stack, .code set.
func (l *loader) nodeError(ctor, code, msg string) *goja.Object {
	e, err := l.rt.New(l.rt.Get(ctor), l.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	_ = e.Set("code", code)
	return e
}

// newModule creates a module object as node's Module constructor does.
func (l *loader) newModule(id, filename string, parent *goja.Object) *goja.Object {
	rt := l.rt
	m := rt.NewObject()
	_ = m.Set("id", id)
	_ = m.Set("path", path.Dir(filename))
	_ = m.Set("exports", rt.NewObject())
	_ = m.Set("filename", filename)
	_ = m.Set("loaded", false)
	_ = m.Set("children", rt.NewArray())
	paths := nodeModulePaths(path.Dir(filename))
	_ = m.Set("paths", rt.NewArray(toAny(paths)...))
	if parent != nil {
		l.addChild(parent, m)
	}
	if parent != nil {
		_ = m.Set("parent", parent)
	} else {
		_ = m.Set("parent", goja.Null())
	}
	_ = m.Set("require", l.makeRequire(m))
	return m
}

// addChild appends child to parent.children unless it is there already.
func (l *loader) addChild(parent, child *goja.Object) {
	ch, ok := parent.Get("children").(*goja.Object)
	if !ok {
		return
	}
	n := int(ch.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		if o, ok := ch.Get(strconv.Itoa(i)).(*goja.Object); ok && o == child {
			return
		}
	}
	_ = ch.Set(strconv.Itoa(n), child)
}

// makeRequire builds the require function of module m.
func (l *loader) makeRequire(m *goja.Object) *goja.Object {
	rt := l.rt
	req := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return l.require(m, call.Argument(0))
	}).ToObject(rt)
	resolve := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		id := l.checkID(call.Argument(0))
		if _, ok := l.coreName(id); ok {
			return rt.ToValue(id)
		}
		if opts, ok := call.Argument(1).(*goja.Object); ok {
			if paths, ok := opts.Get("paths").Export().([]any); ok {
				return rt.ToValue(l.resolveFrom(m, id, paths))
			}
		}
		return rt.ToValue(l.resolve(m, id))
	}).ToObject(rt)
	_ = resolve.Set("paths", func(id string) goja.Value {
		if _, ok := l.coreName(id); ok {
			return goja.Null()
		}
		if isRelative(id) {
			return rt.NewArray(l.dirOf(m))
		}
		return rt.NewArray(toAny(nodeModulePaths(l.dirOf(m)))...)
	})
	_ = req.Set("resolve", resolve)
	_ = req.Set("cache", l.cache)
	_ = req.Set("extensions", l.extensions())
	if l.mainMod != nil {
		_ = req.Set("main", l.mainMod)
	} else {
		_ = req.Set("main", m)
	}
	return req
}

func (l *loader) dirOf(m *goja.Object) string {
	return path.Dir(m.Get("filename").String())
}

func (l *loader) checkID(idv goja.Value) string {
	s, ok := idv.Export().(string)
	if !ok {
		e, err := l.rt.New(l.rt.Get("TypeError"), l.rt.ToValue(`The "id" argument must be of type string.`+describeReceived(l.rt, idv)))
		if err != nil {
			panic(err)
		}
		_ = e.Set("code", "ERR_INVALID_ARG_TYPE")
		panic(l.rt.ToValue(e))
	}
	if s == "" {
		e := l.nodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''")
		panic(l.rt.ToValue(e))
	}
	return s
}

// coreName reports whether id names a core module, returning its bare name.
func (l *loader) coreName(id string) (string, bool) {
	if strings.HasPrefix(id, "node:") {
		return id[5:], true
	}
	if isRelative(id) {
		return "", false
	}
	if _, ok := l.own[id]; ok {
		return id, true
	}
	if _, ok := l.core(id); ok {
		return id, true
	}
	return "", false
}

// require is node's Module._load for a request from module m.
func (l *loader) require(m *goja.Object, idv goja.Value) goja.Value {
	exp, child := l.loadModule(m, l.checkID(idv), l.conditions(m))
	if p := l.tla[child]; p != nil && pending(p) {
		panic(l.rt.ToValue(l.nodeError("Error", "ERR_REQUIRE_ASYNC_MODULE",
			"require() cannot be used on an ESM graph with top-level await. Use import() instead. "+
				"To see where the top-level await comes from, use --experimental-print-required-tla.\n"+
				"  From "+m.Get("filename").String()+" \n  Requiring "+child.Get("filename").String()+" ")))
	}
	if child == nil || !l.esm[child] || l.esm[m] {
		return exp
	}
	return l.callInterop("requireESM", exp) // CommonJS requiring an ES module
}

// loadModule loads request id from m: a core module's exports (child
// nil), or the cached or newly loaded module's exports and module object.
func (l *loader) loadModule(m *goja.Object, id string, conds []string) (goja.Value, *goja.Object) {
	if strings.HasPrefix(id, "node:") {
		return l.requireCore(id), nil
	}
	if !isRelative(id) {
		if v, ok := l.core(id); ok {
			return v, nil
		}
		if bundle.IsCoreModule(id) {
			// Node never looks in node_modules for a core name; say
			// plainly that this one is missing here.
			panic(l.nodeError("Error", "ERR_UNKNOWN_BUILTIN_MODULE",
				"No such built-in module: "+id+" (ebbnode does not implement it yet)"))
		}
	}
	filename := l.resolveWith(m, id, conds)
	if cached := l.cache.Get(filename); cached != nil && !goja.IsUndefined(cached) {
		c := cached.ToObject(l.rt)
		l.addChild(m, c) // node lists cached modules among children too
		return c.Get("exports"), c
	}
	child := l.newModule(filename, filename, m)
	_ = l.cache.Set(filename, child)
	if err := l.load(child, filename); err != nil {
		_ = l.cache.Delete(filename)
		throw(l.rt, err)
	}
	return child.Get("exports"), child
}

// resolveFrom is require.resolve(id, { paths }): the first of the given
// directories from which id resolves.
func (l *loader) resolveFrom(m *goja.Object, id string, paths []any) string {
	for _, p := range paths {
		dir, ok := p.(string)
		if !ok {
			continue
		}
		if !strings.HasPrefix(dir, "/") {
			dir = l.v.absPath(dir)
		}
		if f, err := l.res.Resolve(cleanPath(dir), id, l.conditions(m)); err == nil {
			return f
		}
	}
	return l.resolve(m, id) // throws MODULE_NOT_FOUND unless found from m
}

// extensions is the deprecated require.extensions: a loader per file
// extension, each compiling the file into the given module.
func (l *loader) extensions() *goja.Object {
	if l.ext != nil {
		return l.ext
	}
	ext := l.rt.NewObject()
	l.ext = ext
	load := func(module *goja.Object, filename string) {
		if err := l.load(module, filename); err != nil {
			throw(l.rt, err)
		}
	}
	_ = ext.Set(".js", load)
	_ = ext.Set(".json", load)
	_ = ext.Set(".node", func(_ *goja.Object, filename string) {
		panic(l.nodeError("Error", "ERR_DLOPEN_FAILED", "native addons are not supported by ebbnode: "+filename))
	})
	return ext
}

// resolve is Module._resolveFilename: a file name, or a MODULE_NOT_FOUND
// error naming the chain of requiring modules.
func (l *loader) resolve(m *goja.Object, id string) string {
	return l.resolveWith(m, id, l.conditions(m))
}

func (l *loader) resolveWith(m *goja.Object, id string, conds []string) string {
	f, err := l.res.Resolve(l.dirOf(m), id, conds)
	if err == nil {
		return f
	}
	var xe *bundle.ExportsError
	if errors.As(err, &xe) {
		panic(l.rt.ToValue(l.nodeError("Error", xe.Code, xe.Msg)))
	}
	var stack []string
	for p := m; p != nil; {
		stack = append(stack, p.Get("filename").String())
		parent := l.parentOf(p)
		if parent == nil {
			break
		}
		p = parent
	}
	msg := fmt.Sprintf("Cannot find module '%s'\nRequire stack:\n- %s", id, strings.Join(stack, "\n- "))
	e := l.nodeError("Error", "MODULE_NOT_FOUND", msg)
	_ = e.Set("requireStack", l.rt.NewArray(toAny(stack)...))
	panic(l.rt.ToValue(e))
}

// conditions are the package.json "exports" conditions for m's requests:
// an ES module's imports match "import", everything else "require".
func (l *loader) conditions(m *goja.Object) []string {
	if l.esm[m] {
		return bundle.ImportConditions
	}
	return bundle.RequireConditions
}

// parentOf finds the module that first required p (node's module.parent).
func (l *loader) parentOf(p *goja.Object) *goja.Object {
	if pv := p.Get("parent"); pv != nil {
		if o, ok := pv.(*goja.Object); ok {
			return o
		}
	}
	return nil
}

// load reads, compiles and runs a module file.
func (l *loader) load(m *goja.Object, filename string) error {
	src, err := l.v.fs.ReadFile(filename)
	if err != nil {
		return fmt.Errorf("cannot read module %s: %w", filename, err)
	}
	if strings.HasSuffix(filename, ".json") {
		return l.loadJSON(m, filename, src)
	}
	text := bundle.SourceText(src)
	if t, _ := bundle.Transformed(text); t {
		return l.loadTransformed(m, filename, text) // from a bundle
	}
	k := bundle.KindOf(filename, l.packageType(filename))
	if !k.NeedsTransform() {
		return l.loadPlain(m, filename, src, text)
	}
	out, err := l.transform(filename, src, k)
	if err != nil {
		return err
	}
	l.orig[filename] = text
	return l.loadTransformed(m, filename, string(out))
}

// packageType is the "type" of filename's package. Without a transformer
// (an image, whose bundle holds every module build saw already
// transformed) it is not looked up: that would cost a walk up the
// directories over the Messenger for every module.
func (l *loader) packageType(filename string) string {
	if l.v.opts.Transform == nil {
		return ""
	}
	return l.res.PackageType(filename)
}

// loadPlain loads a CommonJS file: goja compiles it as it is; only if
// goja cannot parse it do esbuild's fallbacks run (lowering of syntax
// goja lacks; module syntax in a .js file of a package without "type", as
// node 20.20 detects it), and goja's own error stands if none helps.
func (l *loader) loadPlain(m *goja.Object, filename string, src []byte, text string) error {
	fn, err := l.compile(filename, text)
	if err == nil {
		return l.run(m, fn, filename, nil)
	}
	if !isSyntaxError(err) || l.v.opts.Transform == nil {
		return err
	}
	for _, k := range bundle.Fallbacks(filename, l.res.PackageType(filename)) {
		out, terr := l.v.opts.Transform(filename, src, k)
		if terr != nil {
			continue
		}
		alt, cerr := l.compileTransformed(filename, string(out))
		if cerr != nil {
			continue
		}
		l.orig[filename] = text
		return l.runTransformed(m, filename, string(out), alt)
	}
	return err
}

// transform runs Options.Transform on an ES module or TypeScript file.
func (l *loader) transform(filename string, src []byte, k bundle.Kind) ([]byte, error) {
	tf := l.v.opts.Transform
	if tf == nil {
		// An image: the bundle holds every ES module and TypeScript file
		// build could see, transformed; this one it could not.
		return nil, jsError{l.nodeError("Error", "ERR_EBBNODE_NOT_TRANSFORMED", filename+
			": ES modules and TypeScript need `ebbnode exec`, or bundling by `ebbnode build` "+
			"(import it with a literal name, or add it with --include)")}
	}
	out, err := tf(filename, src, k)
	if err != nil {
		var se *bundle.SourceError
		if errors.As(err, &se) {
			if k.ESM {
				l.esmFiles[filename] = true // node names it by URL
			}
			return nil, l.sourceError(filename, se)
		}
		return nil, err
	}
	return out, nil
}

// run calls a compiled module wrapper.
func (l *loader) run(m *goja.Object, fn goja.Callable, filename string, extra []goja.Value) error {
	exports := m.Get("exports")
	args := append([]goja.Value{exports, m.Get("require"), m, l.rt.ToValue(filename), l.rt.ToValue(path.Dir(filename))}, extra...)
	if _, err := fn(exports, args...); err != nil {
		return err
	}
	_ = m.Set("loaded", true)
	return nil
}

func (l *loader) loadJSON(m *goja.Object, filename string, src []byte) error {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	parse, _ := goja.AssertFunction(l.rt.Get("JSON").ToObject(l.rt).Get("parse"))
	val, err := parse(goja.Undefined(), l.rt.ToValue(s))
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			if o, ok := ex.Value().(*goja.Object); ok {
				_ = o.Set("message", filename+": "+o.Get("message").String())
			}
		}
		return err
	}
	_ = m.Set("exports", val)
	_ = m.Set("loaded", true)
	return nil
}

// compile wraps and compiles a module. A syntax error becomes a thrown
// SyntaxError carrying node's "file:line / source / caret" header.
func (l *loader) compile(filename, src string) (goja.Callable, error) {
	if strings.HasPrefix(src, "#!") {
		src = "//" + src[2:]
	}
	src = strings.TrimPrefix(src, "\uFEFF")
	return l.compileWrapper(filename, src, wrapperHead+src+"\n})", false, parser.WithDisableSourceMaps)
}

// compileWrapper parses and compiles wrapped (a module's source inside its
// function wrapper) and returns the wrapper function. Errors of parsing
// and compiling are reported against src, the module's own text.
func (l *loader) compileWrapper(filename, src, wrapped string, strict bool, opts ...parser.Option) (goja.Callable, error) {
	ast, err := parser.ParseFile(nil, filename, wrapped, 0, opts...)
	if err != nil {
		return nil, l.syntaxError(filename, src, err)
	}
	if needsRegExpRewrite(src) {
		if err := rewriteRegExps(ast); err != nil {
			return nil, l.syntaxError(filename, src, err)
		}
	}
	prg, err := goja.CompileAST(ast, strict)
	if err != nil {
		return nil, l.syntaxError(filename, src, err)
	}
	fnv, err := l.rt.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		return nil, fmt.Errorf("%s: module wrapper is not a function", filename)
	}
	return fn, nil
}

// constantsModule is node's deprecated require('constants'): os's
// dlopen, errno, priority and signal constants, fs's and crypto's, in one
// object (graceful-fs, under fs-extra, still loads it).
func (l *loader) constantsModule() goja.Value {
	rt := l.rt
	out := rt.NewObject()
	osc := l.requireCore("os").ToObject(rt).Get("constants").ToObject(rt)
	var from []goja.Value
	for _, k := range []string{"dlopen", "errno", "priority", "signals"} {
		from = append(from, osc.Get(k))
	}
	from = append(from, l.requireCore("fs").ToObject(rt).Get("constants"),
		l.requireCore("crypto").ToObject(rt).Get("constants"))
	for _, v := range from {
		if v == nil || goja.IsUndefined(v) {
			continue
		}
		o := v.ToObject(rt)
		for _, k := range o.Keys() {
			_ = out.Set(k, o.Get(k))
		}
	}
	return out
}

// moduleModule is a small require('module'): builtinModules and
// createRequire, which scripts use most.
func (l *loader) moduleModule() goja.Value {
	rt := l.rt
	m := rt.NewObject()
	_ = m.Set("builtinModules", rt.NewArray(toAny(builtinNames)...))
	_ = m.Set("createRequire", func(filename string) goja.Value {
		filename = strings.TrimPrefix(filename, "file://")
		mod := l.newModule(filename, filename, nil)
		return mod.Get("require")
	})
	_ = m.Set("isBuiltin", func(name string) bool {
		_, ok := l.coreName(name)
		return ok
	})
	return m
}

var builtinNames = []string{
	"assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console",
	"constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "events", "fs",
	"fs/promises", "http", "http2", "https", "module", "net", "os", "path", "perf_hooks",
	"process", "querystring", "readline", "readline/promises", "stream", "stream/consumers",
	"stream/promises", "stream/web", "string_decoder", "timers", "timers/promises", "tls", "tty",
	"url", "util", "util/types", "v8", "worker_threads", "zlib",
}

// runMain loads the main module as the loop's first macrotask.
func (v *vm) runMain(filename string) {
	l := v.mods
	m := l.newModule(".", filename, nil)
	l.mainMod = m
	_ = m.Get("require").ToObject(v.rt).Set("main", m)
	_ = l.cache.Set(filename, m)
	v.callGo(func() {
		if err := l.load(m, filename); err != nil {
			throw(v.rt, err)
		}
	})
}

// fsHost gives the fs module what it needs from the vm.
type fsHost struct{ v *vm }

func (h fsHost) FS() FS                         { return h.v.fs }
func (h fsHost) Cwd() string                    { return h.v.opts.Cwd }
func (h fsHost) Async(work func(), done func()) { h.v.loop.async(work, func() { h.v.callGo(done) }) }
func (h fsHost) Write(fd int, b []byte) error {
	w := h.v.opts.Stdout
	if fd == 2 {
		w = h.v.opts.Stderr
	}
	_, err := w.Write(b)
	return err
}
func (h fsHost) Stdin() io.Reader { return h.v.opts.Stdin }

// isSyntaxError reports whether err is a compile error of the loader's
// (a thrown SyntaxError).
func isSyntaxError(err error) bool {
	var je jsError
	if !errors.As(err, &je) {
		return false
	}
	o, ok := je.val.(*goja.Object)
	return ok && o.Get("name") != nil && o.Get("name").String() == "SyntaxError"
}
