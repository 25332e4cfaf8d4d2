package util

import (
	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/codec"
)

// encodeUTF8 backs TextEncoder.encode: it returns an ArrayBuffer with the
// UTF-8 bytes of the string (lone surrogates become U+FFFD, per WHATWG).
func encodeUTF8(rt *goja.Runtime, v goja.Value) goja.Value {
	return rt.ToValue(rt.NewArrayBuffer(codec.EncodeUTF8(codec.Units(v))))
}

// decodeUTF8(arrayBuffer, offset, length) backs TextDecoder.decode for utf-8.
func decodeUTF8(rt *goja.Runtime, call goja.FunctionCall) goja.Value {
	ab, ok := call.Argument(0).Export().(goja.ArrayBuffer)
	if !ok {
		panic(rt.NewTypeError("decodeUTF8: expected an ArrayBuffer"))
	}
	b := ab.Bytes()
	off := int(call.Argument(1).ToInteger())
	n := int(call.Argument(2).ToInteger())
	if off < 0 || n < 0 || off+n > len(b) {
		panic(rt.NewTypeError("decodeUTF8: range outside the buffer"))
	}
	return codec.ToValue(codec.DecodeUTF8(b[off : off+n]))
}
