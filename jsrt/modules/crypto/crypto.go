// Package crypto implements node's 'crypto' module for ebbnode: hashes,
// HMACs and random values on Go's standard library (hashes.go), with the
// node-facing API in crypto.js.
package crypto

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "crypto"

//go:embed crypto.js
var source string

var src = jsmod.NewSource("node:crypto", source)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}
