package jsmod

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// Source is a module written in JavaScript and embedded in the binary. It is
// compiled once per process and may then run in any number of runtimes.
//
// The code runs as the body of
//
//	function (exports, module, require, internal) { ... }
//
// where require reaches the other ebbnode core modules (via Get) and internal
// carries the Go helpers the module's package provides.
type Source struct {
	name string
	src  string

	once sync.Once
	prg  *goja.Program
	err  error
}

// NewSource wraps src (the module body) under a file name used in stack traces.
func NewSource(name, src string) *Source {
	return &Source{name: name, src: src}
}

func (s *Source) program() (*goja.Program, error) {
	s.once.Do(func() {
		wrapped := "(function (exports, module, require, internal) {" + s.src + "\n})"
		s.prg, s.err = goja.Compile(s.name, wrapped, true)
		if s.err != nil {
			s.err = fmt.Errorf("compile %s: %w", s.name, s.err)
		}
	})
	return s.prg, s.err
}

// Run executes the module in rt with the given exports object and internal
// helpers, and returns module.exports. Errors (compile or thrown) panic as JS
// exceptions so they surface where require was called.
func (s *Source) Run(rt *goja.Runtime, exports *goja.Object, internal *goja.Object) goja.Value {
	prg, err := s.program()
	if err != nil {
		panic(rt.NewGoError(err))
	}
	fnv, err := rt.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		panic(rt.NewGoError(fmt.Errorf("%s: module wrapper is not a function", s.name)))
	}
	module := rt.NewObject()
	module.Set("exports", exports)
	if internal == nil {
		internal = rt.NewObject()
	}
	req := rt.ToValue(func(name string) goja.Value { return Get(rt, name) })
	if _, err := fn(goja.Undefined(), exports, module, req, internal); err != nil {
		panic(err)
	}
	return module.Get("exports")
}
