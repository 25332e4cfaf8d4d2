// Package events implements node's 'events' module for ebbnode (embedded JavaScript,
// see events.js).
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "events"

//go:embed events.js
var source string

var src = jsmod.NewSource("node:events", source)

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
