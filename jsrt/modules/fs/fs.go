// Package fs is node's 'fs' and 'fs/promises' modules for ebbnode.
//
// The API surface (argument handling, encodings, Stats, the callback and
// promise forms) is JavaScript in fs.js; each operation ends in a Go call
// (binding.go) on the file-system service (runtime/vfs). Synchronous calls
// run on the event loop; callback and promise calls run the operation
// through Host.Async, at most 16 at a time, the rest queued as on libuv's
// threadpool (pool.go), and complete in the loop's poll phase.
// Errors carry node's message, code, negative errno, syscall and path.
//
// jsrt registers the module for each runtime (it needs that runtime's Host),
// so require('fs') and require('node:fs') find it like any core module.
package fs

import (
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "fs"

// Host is what the module needs from the runtime that loads it.
type Host interface {
	// FS serves every file operation.
	FS() FS
	// Cwd resolves relative paths (process.cwd()).
	Cwd() string
	// Async runs work on its own goroutine and then done on the event
	// loop as a callback (ticks and promise jobs drained after it; a goja
	// exception panicked by done is reported as uncaught). The loop stays
	// alive in between.
	Async(work func(), done func())
	// Write writes to the script's stdout (fd 1) or stderr (fd 2).
	Write(fd int, b []byte) error
	// Stdin is the script's standard input (readFileSync(0)).
	Stdin() io.Reader
}

// The module is fs.js followed by streams.js and watch.js, in one
// function scope.
var (
	//go:embed fs.js
	fsSource string
	//go:embed streams.js
	streamsSource string
	//go:embed watch.js
	watchSource string
)

var (
	compileOnce sync.Once
	program     *goja.Program
	compileErr  error
)

// Module builds the fs module's exports in rt. require reaches the other
// core modules (buffer, events). It must run on rt's goroutine.
func Module(rt *goja.Runtime, host Host, require func(string) goja.Value) goja.Value {
	compileOnce.Do(func() {
		program, compileErr = goja.Compile("node:fs", "(function (exports, binding, require) {"+fsSource+"\n"+streamsSource+"\n"+watchSource+"\n})", true)
	})
	if compileErr != nil {
		panic(rt.NewGoError(fmt.Errorf("compile fs.js: %w", compileErr)))
	}
	fnv, err := rt.RunProgram(program)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	b := &binding{rt: rt, host: host, pool: pool{host: host}}
	bobj := rt.NewObject()
	b.install(bobj)
	exports := rt.NewObject()
	if _, err := fn(goja.Undefined(), exports, bobj, rt.ToValue(jsmod.WithInternal(rt, require))); err != nil {
		panic(err)
	}
	return exports
}
