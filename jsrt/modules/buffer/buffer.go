// Package buffer implements node's 'buffer' module for ebbnode. Buffer is a
// Uint8Array subclass written in JS (buffer.js, with the read/write
// accessors in accessors.js); the byte-heavy work (string coding, search,
// compare) is done in Go on the typed array's own memory (codecs.go).
package buffer

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "buffer"

var (
	//go:embed buffer.js
	source string
	//go:embed accessors.js
	accessorsSource string

	src          = jsmod.NewSource("node:buffer", source)
	accessorsSrc = jsmod.NewSource("node:internal/buffer/accessors", accessorsSource)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

// Enable sets the global Buffer (as node has it).
func Enable(rt *goja.Runtime) {
	rt.Set("Buffer", jsmod.GetObject(rt, ModuleName).Get("Buffer"))
}

// WrapBytes returns a Buffer over a copy of data, for Go code that hands
// bytes to scripts. Call it on the runtime's goroutine.
func WrapBytes(rt *goja.Runtime, data []byte) *goja.Object {
	b := jsmod.GetObject(rt, ModuleName).Get("Buffer").ToObject(rt)
	from, ok := goja.AssertFunction(b.Get("from"))
	if !ok {
		panic(rt.NewTypeError("Buffer.from is not a function"))
	}
	cp := make([]byte, len(data))
	copy(cp, data)
	v, err := from(b, rt.ToValue(rt.NewArrayBuffer(cp)))
	if err != nil {
		panic(err)
	}
	return v.ToObject(rt)
}

// Bytes returns the bytes a Buffer, TypedArray, DataView or ArrayBuffer
// holds (sharing its memory, so valid only while the script does not
// detach it), or false if v is none of those. Call it on the runtime's
// goroutine.
func Bytes(rt *goja.Runtime, v goja.Value) ([]byte, bool) {
	return viewBytes(rt, v)
}

func init() {
	jsmod.RegisterInternal("internal/buffer/accessors", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return accessorsSrc.Run(rt, exports, nil)
	})
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}
