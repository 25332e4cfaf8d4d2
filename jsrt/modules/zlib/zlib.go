// Package zlib implements node's 'zlib' module for ebbnode: deflate, zlib,
// gzip and raw formats on Go's compress/flate, brotli on
// github.com/andybalholm/brotli, in their sync, callback and
// promisify-able forms, with node's option checks and its error shapes
// (message, errno, code) for bad input. The node-facing API is zlib.js; the
// codecs are codec.go, the zlib/gzip framing (header checks, checksums,
// members) is inflate.go.
//
// Compressed bytes are Go's, not zlib's: they decompress anywhere, but are
// not byte-for-byte what node produces. Go compresses with a 32 KiB window
// whatever windowBits says, and ignores memLevel and strategy.
//
// The stream forms (createGzip, new zlib.Gzip, ...) are stream.Transforms.
// Compressing streams are incremental (encoder.go), so flush() and params()
// reach the reader at once; decompressing streams gather their input and
// decode it when it ends, with the whole-buffer codec, so their output and
// their errors come at the end rather than chunk by chunk.
package zlib

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "zlib"

//go:embed zlib.js
var source string

var src = jsmod.NewSource("node:zlib", source)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}
