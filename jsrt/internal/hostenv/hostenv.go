// Package hostenv carries what the runtime that runs a script tells the
// core modules about their surroundings — the script's standard streams
// and the event loop's way of finishing work begun on another goroutine —
// for modules that jsrt does not build itself (tty, child_process, intl).
//
// jsrt calls Set once per goja runtime before any script runs; modules call
// Get. In a bare goja runtime (no jsrt) Get returns nil and the modules fall
// back to what needs no loop: no terminals, synchronous calls only.
package hostenv

import (
	"fmt"
	"io"

	"github.com/dop251/goja"
)

// Env is one runtime's surroundings.
type Env struct {
	// Stdin, Stdout and Stderr are the script's fds 0, 1 and 2.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Vars is the script's environment at start (KEY=value), which
	// process.env begins as: Intl takes its default locale from it.
	Vars []string
	// Async runs work on a goroutine of its own, then done on the event
	// loop as a callback (ticks and promise jobs drained after it); the
	// loop stays alive in between. Safe only on the loop's goroutine.
	Async func(work, done func())
	// ReadFile reads a file through the runtime's file system (in an
	// image: the app bundle, then the host over the Messenger).
	ReadFile func(name string) ([]byte, error)
	// Context is the current async context, which the loop carries into
	// every callback it schedules (async_hooks' AsyncLocalStorage).
	Context *AsyncContext
}

// AsyncContext is the async context the running code sees: an opaque
// value (async_hooks keeps a Map of stores in it; nil is the root
// context). The event loop captures it when a timer, immediate or tick is
// scheduled and restores it around the callback; as goja's
// AsyncContextTracker it does the same for every promise reaction.
//
// Carrying starts with Enable, when a script first uses a context
// (AsyncLocalStorage.run, AsyncResource): until then every context is the
// root one, and programs that never use one pay nothing per callback.
type AsyncContext struct {
	Value goja.Value
	// OnEnable, set by the runtime, starts the carrying.
	OnEnable func()
	enabled  bool
}

// Enable starts carrying the context into callbacks (once).
func (c *AsyncContext) Enable() {
	if !c.enabled {
		c.enabled = true
		if c.OnEnable != nil {
			c.OnEnable()
		}
	}
}

// Enabled reports whether Enable was called.
func (c *AsyncContext) Enabled() bool { return c.enabled }

// Grab returns the context to resume a promise reaction in.
func (c *AsyncContext) Grab() any { return c.Value }

// Resumed enters the context grabbed when the reaction was scheduled.
func (c *AsyncContext) Resumed(v any) { c.Value, _ = v.(goja.Value) }

// Exited returns to the root context: reactions run from the loop's top
// level, never nested (goja's contract).
func (c *AsyncContext) Exited() { c.Value = nil }

// envSym keys the Env on the global object, out of the way of scripts.
var envSym = goja.NewSymbol("ebbnode.hostenv")

// Set records env for rt.
func Set(rt *goja.Runtime, env *Env) {
	err := rt.GlobalObject().DefineDataPropertySymbol(envSym, rt.ToValue(env), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	if err != nil {
		panic(rt.NewGoError(fmt.Errorf("hostenv: %w", err)))
	}
}

// Get returns what Set recorded for rt, or nil.
func Get(rt *goja.Runtime) *Env {
	if v := rt.GlobalObject().GetSymbol(envSym); v != nil {
		if e, ok := v.Export().(*Env); ok {
			return e
		}
	}
	return nil
}
