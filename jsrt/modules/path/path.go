// Package pathmod implements node's 'path' module for ebbnode (embedded JavaScript,
// see path.js).
package pathmod

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "path"

var (
	//go:embed path.js
	source string
	//go:embed win32.js
	win32Source string

	src      = jsmod.NewSource("node:path", source)
	win32Src = jsmod.NewSource("node:internal/path_win32", win32Source)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func build(rt *goja.Runtime, exports *goja.Object) goja.Value {
	h := rt.NewObject()
	// cwd is the fallback when the host has no process object.
	h.Set("cwd", func() (string, error) {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("path: current directory: %w", err)
		}
		return wd, nil
	})
	return src.Run(rt, exports, h)
}

func init() {
	jsmod.RegisterInternal("internal/path_win32", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return win32Src.Run(rt, exports, nil)
	})
	jsmod.Register(ModuleName, build)
}
