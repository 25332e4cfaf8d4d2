package jsrt

import (
	"fmt"
	"math/big"
	"os"
	goruntime "runtime"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	"github.com/ebbnode/ebbnode/jsrt/modules/all"
	"github.com/ebbnode/ebbnode/jsrt/modules/tty"
)

// safeSetup is setup with a panic (a core module failing to build, say)
// turned into an error.
func (v *vm) safeSetup() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("setting up the JavaScript runtime: %v", r)
		}
	}()
	return v.setup()
}

// setup builds the goja runtime and its globals. It runs as the loop's
// first event, so the runtime is created on the goroutine that will own it.
func (v *vm) setup() error {
	rt := goja.New()
	v.rt = rt
	rt.SetFieldNameMapper(goja.UncapFieldNameMapper())
	// About V8's depth for small frames; without a limit, runaway
	// recursion would eat memory instead of failing.
	rt.SetMaxCallStackSize(maxCallStack)
	rt.SetPromiseRejectionTracker(v.rejections.track)
	v.goRunner = rt.ToValue(func(goja.FunctionCall) goja.Value {
		fn := v.goFn
		v.goFn = nil
		fn()
		return goja.Undefined()
	})
	v.mods = newLoader(v)
	g := rt.GlobalObject()
	v.actx = &hostenv.AsyncContext{}
	v.actx.OnEnable = func() {
		rt.SetAsyncContextTracker(v.actx)
		if _, err := v.enableTicks(goja.Undefined()); err != nil {
			panic(err)
		}
	}
	hostenv.Set(rt, &hostenv.Env{
		Stdin: v.opts.Stdin, Stdout: v.opts.Stdout, Stderr: v.opts.Stderr,
		Vars:     v.opts.Env,
		Async:    func(work, done func()) { v.loop.async(work, func() { v.callGo(done) }) },
		ReadFile: v.fs.ReadFile,
		Context:  v.actx,
	})

	all.EnableGlobals(rt)
	// worker_threads' classes are globals in node 20 too; evaluating
	// worker_threads.js waits for the first read.
	for _, name := range []string{"MessagePort", "MessageChannel", "BroadcastChannel"} {
		name := name
		all.LazyGlobal(rt, name, false, func() goja.Value {
			return v.wt().Get("exports").ToObject(rt).Get(name)
		})
	}
	if err := v.provideNet(); err != nil {
		return err
	}
	// Core modules reach each other through this hidden require (goja_nodejs
	// helpers call the global one); scripts get their own per module.
	// Registry.Enable (in newLoader) made it enumerable; node has no global
	// require that Object.keys(globalThis) shows.
	if err := g.DefineDataProperty("require", rt.ToValue(v.mods.coreRequire), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("install require: %w", err)
	}

	if err := v.installEngine(); err != nil {
		return err
	}
	fnv, err := rt.RunProgram(preludePrg)
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	res, err := fn(goja.Undefined(), g, v.binding())
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	exp := res.ToObject(rt)
	v.fns = exp
	v.process = exp.Get("process").ToObject(rt)
	for name, dst := range map[string]*goja.Callable{
		"runTop": &v.runTop, "hasTicks": &v.hasTicks, "emitExit": &v.emitExit, "enableAsyncContext": &v.enableTicks,
		"listenerCount": &v.listenerCnt, "emit": &v.emit,
	} {
		f, ok := goja.AssertFunction(exp.Get(name))
		if !ok {
			return fmt.Errorf("bootstrap: %s is not a function", name)
		}
		*dst = f
	}
	v.mods.timers = exp.Get("timers").ToObject(rt)
	tp, err := v.installWeb(v.mods.timers)
	if err != nil {
		return err
	}
	v.mods.timersPromises = tp
	if err := v.installConsole(); err != nil {
		return err
	}
	return v.installAtomics()
}

// binding is the Go half of prelude.js.
func (v *vm) binding() *goja.Object {
	rt := v.rt
	b := rt.NewObject()
	set := func(name string, val any) {
		if err := b.Set(name, val); err != nil {
			panic(rt.NewGoError(fmt.Errorf("binding %s: %w", name, err)))
		}
	}
	set("require", all.WithInternal(rt, v.mods.requireCore))
	set("version", Version)
	set("versions", map[string]any{
		"node":    strings.TrimPrefix(strings.TrimSuffix(Version, "-ebbnode"), "v"),
		"ebbnode": Version,
		"go":      goruntime.Version(),
		"goja":    gojaVersion(),
	})
	set("arch", nodeArch())
	set("asyncContext", func() goja.Value { return v.actx.Value })
	set("setAsyncContext", func(c goja.Value) {
		if goja.IsUndefined(c) || goja.IsNull(c) {
			c = nil
		}
		v.actx.Value = c
	})
	set("isatty", func(fd int) bool { return tty.IsTerminal(rt, fd) })
	argv := append([]string{v.opts.ExecPath, v.mainPath}, v.opts.Args...)
	set("argv", rt.NewArray(toAny(argv)...))
	set("env", v.envObject())
	set("pid", os.Getpid())
	set("ppid", os.Getppid())
	set("uid", os.Getuid())
	set("gid", os.Getgid())
	set("cwd", func() string { return v.opts.Cwd })
	set("chdir", func(dir string) {
		abs := v.absPath(dir)
		fi, err := v.fs.Stat(abs)
		switch {
		case err != nil:
			panic(v.chdirError(dir, "ENOENT", "no such file or directory", -2))
		case !fi.IsDir():
			panic(v.chdirError(dir, "ENOTDIR", "not a directory", -20))
		}
		v.opts.Cwd = abs
	})
	set("uptime", func() float64 { return time.Since(v.start).Seconds() })
	set("hrtime", func() goja.Value {
		ns := time.Since(hrBase).Nanoseconds()
		return rt.NewArray(ns/1e9, ns%1e9)
	})
	set("hrtimeBigint", func() *big.Int { return big.NewInt(time.Since(hrBase).Nanoseconds()) })
	set("memoryUsage", func() map[string]any {
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		return map[string]any{
			"rss": ms.Sys, "heapTotal": ms.HeapSys, "heapUsed": ms.HeapAlloc,
			"external": 0, "arrayBuffers": 0,
		}
	})
	set("cpuUsage", func() map[string]any {
		// Elapsed time stands in for CPU time: a single event loop keeps
		// the two close, and the hosted/native backends agree on it.
		us := time.Since(v.start).Microseconds()
		return map[string]any{"user": us, "system": 0}
	})
	set("write", func(fd int, data goja.Value) { v.writeFd(fd, data) })
	set("reallyExit", func(code int) { v.exit(code) })
	set("reportUncaught", func(val goja.Value) { v.reportUncaughtValue(val) })
	set("stdinStart", v.stdinStart)
	v.timerBinding(set)
	return b
}

// nodeArch is process.arch: node's names for Go's GOARCH values.
func nodeArch() string {
	switch goruntime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return goruntime.GOARCH
}

// maxCallStack is the deepest JS call stack allowed.
const maxCallStack = 10800

// chdirError is node's error for a failed process.chdir.
func (v *vm) chdirError(dir, code, msg string, errno int) *goja.Object {
	text := fmt.Sprintf("%s: %s, chdir '%s' -> '%s'", code, msg, v.opts.Cwd, dir)
	e, err := v.rt.New(v.rt.Get("Error"), v.rt.ToValue(text))
	if err != nil {
		panic(err)
	}
	_ = e.Set("errno", errno)
	_ = e.Set("code", code)
	_ = e.Set("syscall", "chdir")
	_ = e.Set("path", v.opts.Cwd)
	_ = e.Set("dest", dir)
	return e
}

// hrBase is the origin of process.hrtime: any fixed point will do.
var hrBase = time.Now()

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

func (v *vm) envObject() *goja.Object {
	env := v.rt.NewObject()
	for _, kv := range v.opts.Env {
		k, val, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			continue
		}
		if err := env.Set(k, val); err != nil {
			panic(v.rt.NewGoError(fmt.Errorf("process.env: %w", err)))
		}
	}
	return env
}

// writeFd writes a string (as UTF-8) or the bytes of a Uint8Array to
// stdout (1) or stderr (2), synchronously, as node does for pipes and files.
func (v *vm) writeFd(fd int, data goja.Value) {
	w := v.opts.Stdout
	if fd == 2 {
		w = v.opts.Stderr
	}
	var b []byte
	if s, ok := data.Export().(string); ok {
		b = []byte(s)
	} else if err := v.rt.ExportTo(data, &b); err != nil {
		panic(v.rt.NewTypeError("write: cannot convert chunk to bytes"))
	}
	// A closed pipe (EPIPE) is not the script's fault; node ignores it too
	// unless an 'error' listener asks.
	_, _ = w.Write(b)
}

func (v *vm) absPath(p string) string {
	if strings.HasPrefix(p, "/") {
		return cleanPath(p)
	}
	return cleanPath(v.opts.Cwd + "/" + p)
}

func gojaVersion() string { return gojaModuleVersion }
