// Package diagnosticschannel implements node's 'diagnostics_channel'
// module for ebbnode: named channels that publish to their subscribers
// synchronously, and tracing channels (start, end, asyncStart, asyncEnd,
// error) around sync, callback and promise work. Frameworks (fastify,
// undici, express's router) create channels at load time and publish on
// every request, so the module must exist even when nobody subscribes.
package diagnosticschannel

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "diagnostics_channel"

//go:embed diagnostics_channel.js
var source string

var src = jsmod.NewSource("node:diagnostics_channel", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, nil)
	})
}
