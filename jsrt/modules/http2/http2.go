// Package http2 implements the loadable surface of node's 'http2' module
// for ebbnode: its constants, default settings and sensitiveHeaders, as
// node 20 has them, while the session and server functions throw
// ERR_METHOD_NOT_IMPLEMENTED (ebbnode speaks HTTP/1.1 only). Frameworks
// such as fastify require http2 at load time and use it only when asked
// for an HTTP/2 server, so loading must work.
package http2

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "http2"

//go:embed http2.js
var source string

// constants is node 20's require('http2').constants, as JSON
// (node -p "JSON.stringify(require('http2').constants)").
//
//go:embed constants.json
var constants string

var src = jsmod.NewSource("node:http2", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		h := rt.NewObject()
		_ = h.Set("constants", constants)
		return src.Run(rt, exports, h)
	})
}
