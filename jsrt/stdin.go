package jsrt

import (
	"github.com/dop251/goja"
)

// stdinChunk is how much process.stdin asks the reader for at a time (as
// node's pipe reads).
const stdinChunk = 64 << 10

// stdinStart begins reading Options.Stdin: each chunk becomes a call of
// onData with a Buffer, end of input (or a read error) a call of onEnd. One
// read is in flight at a time, and it keeps the loop alive.
func (v *vm) stdinStart(onData, onEnd goja.Callable) {
	var readNext func()
	readNext = func() {
		var (
			buf []byte
			n   int
			err error
		)
		v.loop.async(func() {
			buf = make([]byte, stdinChunk)
			n, err = v.opts.Stdin.Read(buf)
		}, func() {
			if n > 0 {
				chunk := v.newBuffer(buf[:n])
				v.callGo(func() {
					if _, cerr := onData(goja.Undefined(), chunk); cerr != nil {
						panic(cerr)
					}
				})
			}
			if v.exiting {
				return
			}
			if err != nil {
				v.callGo(func() {
					if _, cerr := onEnd(goja.Undefined()); cerr != nil {
						panic(cerr)
					}
				})
				return
			}
			readNext()
		})
	}
	readNext()
}

// newBuffer wraps b (not copied) as a node Buffer.
func (v *vm) newBuffer(b []byte) goja.Value {
	rt := v.rt
	from, ok := goja.AssertFunction(rt.Get("Buffer").ToObject(rt).Get("from"))
	if !ok {
		panic(rt.NewTypeError("Buffer.from is not a function"))
	}
	res, err := from(rt.Get("Buffer"), rt.ToValue(rt.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return res
}
