package jsrt

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"path"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

// worker_threads: each Worker is a vm of its own — a goja runtime, a module
// cache, a node event loop — on an Ebb core of its own. The configured
// cores are used first (one per vCPU: the main script has core 0, workers
// take 1, 2, ...); when every configured core hosts a vm, Runtime.AddCore
// adds one, since a node worker may block its thread (Atomics.wait, a long
// loop) and must not stall another worker's loop. A finished worker's core
// goes back to the pool. Values cross runtimes as messages (ports.go):
// primitives, copied or moved bytes, shared memory (atomics.go).

//go:embed worker_threads.js
var workerThreadsSrc string

// Compiled on first use: most scripts never load it.
var workerThreadsPrg = sync.OnceValue(func() *goja.Program { return goja.MustCompile("node:worker_threads", workerThreadsSrc, true) })

// hub is what the vms of one Run share: the core pool, thread ids, the live
// workers and the broadcast channels.
type hub struct {
	ebb *ebbrt.Runtime

	listeners sharedListeners // cluster workers' listeners (cluster.go)

	mu struct {
		sync.Mutex
		busy      map[int]bool // cores hosting a vm
		nextID    int
		live      map[*workerHandle]bool
		broadcast map[string][]*bchan
	}
}

func newHub(ebb *ebbrt.Runtime) *hub {
	h := &hub{ebb: ebb}
	h.mu.busy = map[int]bool{0: true}
	h.mu.nextID = 1
	h.mu.live = map[*workerHandle]bool{}
	h.mu.broadcast = map[string][]*bchan{}
	return h
}

// takeCore returns a core hosting no vm: a configured one if any is free,
// else a new one.
func (h *hub) takeCore() *ebbrt.Core {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := 0; i < h.ebb.NumCores(); i++ {
		if !h.mu.busy[i] {
			h.mu.busy[i] = true
			return h.ebb.Core(i)
		}
	}
	c := h.ebb.AddCore()
	if c != nil {
		h.mu.busy[c.ID()] = true
	}
	return c
}

func (h *hub) releaseCore(c *ebbrt.Core) {
	h.mu.Lock()
	delete(h.mu.busy, c.ID())
	h.mu.Unlock()
}

// shutdown terminates every live worker: the main script has ended.
func (h *hub) shutdown() {
	h.mu.Lock()
	var ws []*workerHandle
	for w := range h.mu.live {
		ws = append(ws, w)
	}
	h.mu.Unlock()
	for _, w := range ws {
		w.terminate()
	}
}

// workerHandle links a Worker object in the parent to the vm running it.
type workerHandle struct {
	hub      *hub
	parent   *vm
	obj      *goja.Object // the parent's Worker object
	threadID int
	core     *ebbrt.Core
	child    *vm
	pub      *port // the parent's end of the public port
	stdio    [3]bool

	// Set once in the child, read by the parent's exit event.
	err *message
	// errIsError and errCtor say how to rebuild err (an Error of that
	// constructor, or a plain value).
	errIsError bool
	errCtor    string

	terminating atomic.Bool
	childRT     atomic.Pointer[goja.Runtime]
	kill        chan struct{} // closed on terminate: ends Atomics.wait
	killOnce    sync.Once

	// Parent-side: only the parent's loop touches these.
	release func() // the hold that keeps the parent alive
	refd    bool
}

// workerSelf is what a worker's vm knows of itself.
type workerSelf struct {
	h        *workerHandle
	port     *port
	data     *message
	limits   goja.Value // resourceLimits, rebuilt in the child
	limitMap map[string]any
	eval     string
	isEval   bool
}

var errTerminated = errors.New("worker terminated")

// terminate stops the worker from any goroutine: JS running in it is
// interrupted, a blocked Atomics.wait returns, and an idle loop is told to
// exit with code 1.
func (w *workerHandle) terminate() {
	if w.terminating.Swap(true) {
		return
	}
	w.killOnce.Do(func() { close(w.kill) })
	if rt := w.childRT.Load(); rt != nil {
		rt.Interrupt(errTerminated)
	}
	child := w.child
	w.hub.ebb.SpawnRemote(w.core.ID(), func(*ebbrt.Core) {
		if !child.exiting {
			child.exit(1)
		}
	})
}

// hold keeps v's loop alive until the returned function runs (once).
// Only from v's loop.
func (v *vm) hold() func() {
	l := v.loop
	l.pending++
	released := false
	return func() {
		if released {
			return
		}
		released = true
		l.pending--
		l.reschedule()
	}
}

// postLoop runs fn as a callback in v's poll phase, unless v has ended.
// Safe from any goroutine.
func (v *vm) postLoop(fn func()) {
	l := v.loop
	l.ebb.SpawnRemote(l.core.ID(), func(*ebbrt.Core) {
		if l.stopped || v.exiting {
			return
		}
		l.completions = append(l.completions, func() { v.callGo(fn) })
		if l.inIter || l.scheduled {
			return
		}
		l.iterate()
	})
}

// workerStart is new Worker(): it makes the handle and the public port,
// takes a core and starts the child vm there.
func (v *vm) workerStart(obj *goja.Object, spec *goja.Object, tape, bufs, moved, ports goja.Value) goja.Value {
	rt := v.rt
	data := v.pack(tape, bufs, moved, ports)
	core := v.hub.takeCore()
	if core == nil {
		panic(rt.NewGoError(fmt.Errorf("worker_threads: the runtime is stopping")))
	}
	v.hub.mu.Lock()
	id := v.hub.mu.nextID
	v.hub.mu.nextID++
	v.hub.mu.Unlock()

	w := &workerHandle{hub: v.hub, parent: v, obj: obj, threadID: id, core: core, kill: make(chan struct{}), refd: true}
	w.stdio[1] = spec.Get("stdout").ToBoolean()
	w.stdio[2] = spec.Get("stderr").ToBoolean()
	pub, priv := newPortPair(v)
	priv.adopt(nil, nil)
	w.pub = pub
	w.release = v.hold()

	isEval := spec.Get("eval").ToBoolean()
	filename := spec.Get("filename").String()
	opts := v.opts
	opts.Stdin = eofReader{}
	opts.Stdout = &forwardWriter{w: w, fd: 1}
	opts.Stderr = &forwardWriter{w: w, fd: 2}
	var argv []string
	_ = rt.ExportTo(spec.Get("argv"), &argv)
	opts.Args = argv
	if env := spec.Get("env"); !goja.IsNull(env) && !goja.IsUndefined(env) {
		var list []string
		_ = rt.ExportTo(env, &list)
		opts.Env = list
	}
	var limits map[string]any
	_ = rt.ExportTo(spec.Get("resourceLimits"), &limits)
	self := &workerSelf{h: w, port: priv, data: data, limitMap: limits, isEval: isEval}
	mainPath := filename
	if isEval {
		self.eval = filename
		mainPath = "[worker eval]"
	}
	child := &vm{opts: opts, fs: v.fs, mainPath: mainPath, start: time.Now(), done: make(chan struct{}), hub: v.hub, self: self,
		clusterID: int(spec.Get("cluster").ToInteger())}
	w.child = child
	child.loop = &loop{ebb: v.hub.ebb, core: core}
	child.loop.onEmpty = child.beforeExit
	child.loop.finish = child.naturalExit
	child.onExit = func(code int) { child.workerExited(code) }
	v.hub.mu.Lock()
	v.hub.mu.live[w] = true
	v.hub.mu.Unlock()
	v.children = append(v.children, w)

	child.loop.start(func() {
		if err := child.safeSetup(); err != nil {
			fmt.Fprintf(opts.Stderr, "ebbnode: %v\n", err)
			child.exit(70)
			return
		}
		w.childRT.Store(child.rt)
		if w.terminating.Load() {
			child.exit(1)
			return
		}
		v.postLoop(func() { v.wtCall("workerOnline", obj) })
		switch main, ok := newResolver(child.fs).ResolveFile(filename); {
		case isEval:
			child.runEval(filename)
		case !ok:
			child.callGo(func() {
				e := child.mods.nodeError("Error", "MODULE_NOT_FOUND", "Cannot find module '"+filename+"'")
				_ = e.Set("requireStack", child.rt.NewArray())
				panic(e)
			})
		default:
			child.runMain(main)
		}
	})

	res := rt.NewObject()
	_ = res.Set("handle", w)
	_ = res.Set("threadId", id)
	_ = res.Set("port", pub)
	return res
}

// runEval runs a { eval: true } worker's source as node does: a CommonJS
// module named "[worker eval]" whose require resolves from the cwd.
func (v *vm) runEval(src string) {
	l := v.mods
	const name = "[worker eval]"
	m := l.newModule(name, path.Join(v.opts.Cwd, name), nil)
	l.mainMod = m
	v.callGo(func() {
		fn, err := l.compile(name, src)
		if err != nil {
			throw(v.rt, err)
		}
		exports := m.Get("exports")
		if _, err := fn(exports, exports, m.Get("require"), m, v.rt.ToValue(name), v.rt.ToValue(".")); err != nil {
			throw(v.rt, err)
		}
	})
}

// captureError records an uncaught error of a worker for the parent's
// 'error' event, serialized as node's error_serdes does.
func (v *vm) captureError(val goja.Value) {
	w := v.self.h
	defer func() {
		if recover() != nil {
			w.err = nil // could not serialize: the parent still sees exit 1
		}
	}()
	res := v.wtCall("serializeError", val).ToObject(v.rt)
	msg := res.Get("msg").ToObject(v.rt)
	w.errIsError = res.Get("error").ToBoolean()
	if w.errIsError {
		w.errCtor = res.Get("ctor").String()
	}
	w.err = v.pack(msg.Get("tape"), msg.Get("bufs"), msg.Get("moved"), nil)
}

// workerExited runs on the worker's core when its vm exits: it frees what
// the worker held and tells the parent, after anything the worker posted.
func (v *vm) workerExited(code int) {
	w := v.self.h
	for _, c := range v.children {
		c.terminate()
	}
	v.self.port.closeQuietly()
	for _, c := range v.bchans {
		c.close()
	}
	v.loop.core.SpawnLocal(func(*ebbrt.Core) {
		if v.closeNet != nil {
			v.closeNet()
		}
		w.hub.releaseCore(w.core)
		w.hub.mu.Lock()
		delete(w.hub.mu.live, w)
		w.hub.mu.Unlock()
		p := w.parent
		p.postLoop(func() {
			// What the worker posted comes before 'exit', even if the
			// parent's port started after the worker ended (node drains
			// it too).
			w.pub.drain(p)
			if w.release != nil {
				w.release()
				w.release = nil
			}
			errVal := goja.Undefined()
			if w.err != nil {
				tape, bufs, _ := p.unpack(w.err)
				errVal = p.wtCall("deserializeError", w.errIsError, w.errCtor, tape, bufs)
			}
			p.wtCall("workerExit", w.obj, code, errVal)
		})
	})
}

// forwardWriter is a worker's stdout or stderr: node pipes them through the
// parent's loop, so a worker's output appears when the parent's loop gets
// to it (after the parent's synchronous code, before its 'exit' event).
type forwardWriter struct {
	w  *workerHandle
	fd int
}

func (f *forwardWriter) Write(b []byte) (int, error) {
	data := append([]byte(nil), b...)
	w, p := f.w, f.w.parent
	p.postLoop(func() {
		if w.stdio[f.fd] {
			p.wtCall("workerStdio", w.obj, f.fd, p.rt.ToValue(p.rt.NewArrayBuffer(data)))
			return
		}
		out := p.opts.Stdout
		if f.fd == 2 {
			out = p.opts.Stderr
		}
		_, _ = out.Write(data)
	})
	return len(b), nil
}

var _ io.Writer = (*forwardWriter)(nil)
