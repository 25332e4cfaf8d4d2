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
}

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
