package jsrt

import (
	"sync"

	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/all"
)

//go:embed web.js
var webSrc string

var webPrg = goja.MustCompile("node:internal/web", webSrc, true)

// installWeb defines the web-platform globals of web.js and returns the
// timers/promises module.
func (v *vm) installWeb(timers *goja.Object) (goja.Value, error) {
	fnv, err := v.rt.RunProgram(webPrg)
	if err != nil {
		return nil, fmt.Errorf("web globals: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	// web.js may require the internal modules too (internal/errors).
	req := all.WithInternal(v.rt, v.mods.requireCore)
	res, err := fn(goja.Undefined(), v.rt.GlobalObject(), timers, v.rt.ToValue(req))
	if err != nil {
		return nil, fmt.Errorf("web globals: %w", err)
	}
	return res.ToObject(v.rt).Get("timersPromises"), nil
}

//go:embed readline.js
var readlineSrc string

// readlinePrg is compiled on first require, not at init (see esmPrg).
var readlinePrg = sync.OnceValue(func() *goja.Program { return goja.MustCompile("node:readline", readlineSrc, true) })

// readlineModule builds require('readline') (readline.js).
func (l *loader) readlineModule() goja.Value {
	fnv, err := l.rt.RunProgram(readlinePrg())
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	res, err := fn(goja.Undefined(), l.rt.ToValue(l.requireCore))
	if err != nil {
		panic(err)
	}
	return res
}
