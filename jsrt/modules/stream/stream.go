// Package stream is node's 'stream', 'stream/promises' and
// 'stream/consumers' modules for ebbnode, in embedded JavaScript: Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished and
// Readable.from, with node 20's state
// machines (buffering against highWaterMark, 'drain', flowing and paused
// modes, destroy and the order of 'error', 'close', 'end' and 'finish'),
// since scripts and npm packages depend on that order. Node's
// lib/internal/streams is the reference for the behaviour; the code is our
// own and compact.
//
// The files share one function scope, in this order: base.js (Stream,
// errors, destroy, state predicates), readable.js, writable.js, duplex.js
// (Duplex, Transform, PassThrough), eos.js (finished), pipeline.js (and
// the exports, stream/consumers included).
package stream

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/string_decoder"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "stream"

var (
	//go:embed base.js
	baseJS string
	//go:embed readable.js
	readableJS string
	//go:embed writable.js
	writableJS string
	//go:embed duplex.js
	duplexJS string
	//go:embed eos.js
	eosJS string
	//go:embed pipeline.js
	pipelineJS string
)

var src = jsmod.NewSource("node:stream", strings.Join([]string{
	"'use strict';", baseJS, readableJS, writableJS, duplexJS, eosJS, pipelineJS,
}, "\n"))

// consumersSrc is stream/consumers: pipeline.js builds it, out of sight.
var consumersSrc = jsmod.NewSource("node:stream/consumers",
	"module.exports = require('stream')[Symbol.for('ebbnode.stream.internal')].consumers;")

func build(rt *goja.Runtime, exports *goja.Object) goja.Value {
	return src.Run(rt, exports, nil)
}

func init() {
	jsmod.Register(ModuleName, build)
	jsmod.Register("stream/promises", func(rt *goja.Runtime, _ *goja.Object) goja.Value {
		return jsmod.GetObject(rt, ModuleName).Get("promises")
	})
	jsmod.Register("stream/consumers", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return consumersSrc.Run(rt, exports, nil)
	})
}
