package stream

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// 'stream/web' is the WHATWG Streams standard: ReadableStream,
// WritableStream, TransformStream and their readers, writers, controllers
// and queuing strategies come from web-streams-polyfill (third_party/, the
// reference implementation's port, unmodified), web.js adds the text and
// compression streams over TextEncoder/TextDecoder and zlib. all.go makes
// each a lazy global, as node 20 has them.
var (
	//go:embed third_party/web-streams-polyfill/ponyfill.js
	ponyfillJS string
	//go:embed web.js
	webJS string
)

var webSrc = jsmod.NewSource("node:stream/web", ponyfillJS+"\n"+webJS)

func init() {
	jsmod.Register("stream/web", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return webSrc.Run(rt, exports, nil)
	})
}
