// Package querystring implements node's 'querystring' module for ebbnode (embedded JavaScript,
// see querystring.js).
package querystring

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "querystring"

//go:embed querystring.js
var source string

var src = jsmod.NewSource("node:querystring", source)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func build(rt *goja.Runtime, exports *goja.Object) goja.Value {
	return src.Run(rt, exports, nil)
}

func init() {
	jsmod.Register(ModuleName, build)
}
