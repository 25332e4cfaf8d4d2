// Package http is node's 'http' module and the fetch globals (fetch,
// Request, Response, Headers, FormData) for ebbnode, in embedded
// JavaScript on top of the net and stream modules.
//
// The files share one function scope, in this order: common.js (status
// codes, methods, header validation and the incoming header rules),
// parser.js (an incremental HTTP/1.1 parser: request and status lines,
// headers, content-length, chunked and read-until-close bodies,
// pipelining), outgoing.js (OutgoingMessage: header store, chunked
// framing, writes queued until the message owns its socket), incoming.js
// (IncomingMessage, a Readable), server.js (Server, ServerResponse,
// the 400 answer to malformed input), client.js (ClientRequest, Agent
// with keep-alive reuse) and the exports. https.js is the https module
// (its own scope, on http and net's TLS binding); fetch.js is a module of its own
// (internal/fetch) on the http client; package all installs its globals.
// Node's lib/_http_*.js is the reference for behaviour; the code is ours.
package http

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/net"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/url"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "http"

var (
	//go:embed common.js
	commonJS string
	//go:embed parser.js
	parserJS string
	//go:embed outgoing.js
	outgoingJS string
	//go:embed incoming.js
	incomingJS string
	//go:embed server.js
	serverJS string
	//go:embed client.js
	clientJS string
	//go:embed fetch.js
	fetchJS string
	//go:embed https.js
	httpsJS string
	//go:embed tls.js
	tlsJS string
)

var (
	httpSrc = jsmod.NewSource("node:http", strings.Join([]string{
		"'use strict';", commonJS, parserJS, outgoingJS, incomingJS, serverJS, clientJS,
	}, "\n"))
	fetchSrc = jsmod.NewSource("node:internal/fetch", "'use strict';\n"+fetchJS)
	httpsSrc = jsmod.NewSource("node:https", "'use strict';\n"+httpsJS)
	tlsSrc   = jsmod.NewSource("node:tls", "'use strict';\n"+tlsJS)
)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return httpSrc.Run(rt, exports, nil)
	})
	// https runs on the TLS binding of the net package (tls.go there).
	jsmod.Register("https", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return httpsSrc.Run(rt, exports, jsmod.GetObject(rt, "internal/tlsbinding"))
	})
	jsmod.Register("tls", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return tlsSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/fetch", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return fetchSrc.Run(rt, exports, nil)
	})
}
