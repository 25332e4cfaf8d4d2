// Package stringdecoder implements node's 'string_decoder' module for ebbnode (embedded JavaScript,
// see string_decoder.js).
package stringdecoder

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "string_decoder"

//go:embed string_decoder.js
var source string

var src = jsmod.NewSource("node:string_decoder", source)

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
