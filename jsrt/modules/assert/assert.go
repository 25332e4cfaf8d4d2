// Package assert implements node's 'assert' module for ebbnode (embedded JavaScript,
// see assert.js).
package assert

import (
	_ "embed"
	"os"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "assert"

var (
	//go:embed assert.js
	source string
	//go:embed assertion_error.js
	errorSource string

	src      = jsmod.NewSource("node:assert", source)
	errorSrc = jsmod.NewSource("node:internal/assert/assertion_error", errorSource)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func build(rt *goja.Runtime, exports *goja.Object) goja.Value {
	h := rt.NewObject()
	// readSource lets assert.ok quote the failing expression, as node does.
	// It returns undefined when the file cannot be read.
	// It reads through the runtime's file system, so that an image finds
	// the script in its bundle.
	h.Set("readSource", func(name string) goja.Value {
		read := os.ReadFile
		if env := hostenv.Get(rt); env != nil && env.ReadFile != nil {
			read = env.ReadFile
		}
		b, err := read(name)
		if err != nil {
			return goja.Undefined()
		}
		return rt.ToValue(string(b))
	})
	return src.Run(rt, exports, h)
}

func init() {
	jsmod.RegisterInternal("internal/assertion_error", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return errorSrc.Run(rt, exports, nil)
	})
	jsmod.Register(ModuleName, build)
	// node also exposes the strict variant as its own module.
	jsmod.Register("assert/strict", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return jsmod.GetObject(rt, ModuleName).Get("strict")
	})
}
