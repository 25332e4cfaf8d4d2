// Package all links every ebbnode core module into the binary and installs
// the globals they own.
package all

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/assert"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/async_hooks"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/child_process"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/crypto"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/diagnostics_channel"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/http"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/http2"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	"github.com/ebbnode/ebbnode/jsrt/modules/intl"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/net"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/os"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/path"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/perf_hooks"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/querystring"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/string_decoder"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/tty"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/url"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/util"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/v8"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/zlib"
)

// globals lists each global with the module and export that provide it,
// and whether node makes it enumerable (atob, btoa, performance and crypto
// are; the rest are not).
var globals = []struct {
	name, module, export string
	enumerable           bool
}{
	{"Buffer", "buffer", "Buffer", false},
	{"atob", "buffer", "atob", true},
	{"btoa", "buffer", "btoa", true},
	{"Blob", "buffer", "Blob", false},
	{"File", "buffer", "File", false},
	{"URL", "url", "URL", false},
	{"URLSearchParams", "url", "URLSearchParams", false},
	{"TextEncoder", "util", "TextEncoder", false},
	{"TextDecoder", "util", "TextDecoder", false},
	{"performance", "perf_hooks", "performance", true},
	{"crypto", "crypto", "webcrypto", true},
	{"Crypto", "crypto", "webcrypto.constructor", false},
	{"SubtleCrypto", "crypto", "subtle.constructor", false},
	{"Performance", "perf_hooks", "Performance", false},
	{"PerformanceEntry", "perf_hooks", "PerformanceEntry", false},
	{"PerformanceMark", "perf_hooks", "PerformanceMark", false},
	{"PerformanceMeasure", "perf_hooks", "PerformanceMeasure", false},
	{"PerformanceObserver", "perf_hooks", "PerformanceObserver", false},
	{"PerformanceObserverEntryList", "perf_hooks", "PerformanceObserverEntryList", false},
	{"fetch", "internal/fetch", "fetch", true},
	{"Request", "internal/fetch", "Request", false},
	{"Response", "internal/fetch", "Response", false},
	{"Headers", "internal/fetch", "Headers", false},
	{"Intl", intl.ModuleName, "Intl", false},
	{"FormData", "internal/fetch", "FormData", false},
	{"ReadableStream", "stream/web", "ReadableStream", false},
	{"ReadableStreamDefaultReader", "stream/web", "ReadableStreamDefaultReader", false},
	{"ReadableStreamBYOBReader", "stream/web", "ReadableStreamBYOBReader", false},
	{"ReadableStreamBYOBRequest", "stream/web", "ReadableStreamBYOBRequest", false},
	{"ReadableByteStreamController", "stream/web", "ReadableByteStreamController", false},
	{"ReadableStreamDefaultController", "stream/web", "ReadableStreamDefaultController", false},
	{"TransformStream", "stream/web", "TransformStream", false},
	{"TransformStreamDefaultController", "stream/web", "TransformStreamDefaultController", false},
	{"WritableStream", "stream/web", "WritableStream", false},
	{"WritableStreamDefaultWriter", "stream/web", "WritableStreamDefaultWriter", false},
	{"WritableStreamDefaultController", "stream/web", "WritableStreamDefaultController", false},
	{"ByteLengthQueuingStrategy", "stream/web", "ByteLengthQueuingStrategy", false},
	{"CountQueuingStrategy", "stream/web", "CountQueuingStrategy", false},
	{"TextEncoderStream", "stream/web", "TextEncoderStream", false},
	{"TextDecoderStream", "stream/web", "TextDecoderStream", false},
	{"CompressionStream", "stream/web", "CompressionStream", false},
	{"DecompressionStream", "stream/web", "DecompressionStream", false},
}

// EnableGlobals installs Buffer, URL, URLSearchParams, TextEncoder,
// TextDecoder, atob, btoa, performance, plus Blob, File and crypto (the Web
// Crypto object), as node 20 has them, on rt's global object.
//
// Like node, each is a configurable accessor that loads its module on first
// use; assigning to it replaces it with a plain data property. Loading
// lazily matters: compiling and running the embedded modules costs tens of
// milliseconds on the first runtime of a process, and most scripts touch
// few of these globals. (node has URL and URLSearchParams as data
// properties; here they are lazy accessors too.)
func EnableGlobals(rt *goja.Runtime) {
	intl.Enable(rt)
	for _, e := range globals {
		e := e
		LazyGlobal(rt, e.name, e.enumerable, func() goja.Value {
			return export(rt, jsmod.GetObject(rt, e.module), e.export)
		})
	}
}

// export follows a dotted path ("webcrypto.constructor") from obj; classes
// node has as globals but ebbnode's modules keep unexported are reached
// through an instance.
func export(rt *goja.Runtime, obj *goja.Object, path string) goja.Value {
	var v goja.Value = obj
	for _, k := range strings.Split(path, ".") {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return goja.Undefined()
		}
		v = v.ToObject(rt).Get(k)
	}
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// LazyGlobal defines name on rt's global object the way node defines its
// lazily loaded globals: a configurable accessor that calls load on first
// read and caches the result; assigning replaces it with a data property.
func LazyGlobal(rt *goja.Runtime, name string, enumerable bool, load func() goja.Value) {
	g := rt.GlobalObject()
	var cached goja.Value
	get := rt.ToValue(func(goja.FunctionCall) goja.Value {
		if cached == nil {
			cached = load()
			if cached == nil {
				cached = goja.Undefined()
			}
		}
		return cached
	})
	set := rt.ToValue(func(c goja.FunctionCall) goja.Value {
		err := g.DefineDataProperty(name, c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.ToFlag(enumerable))
		if err != nil {
			panic(rt.NewGoError(fmt.Errorf("define global %s: %w", name, err)))
		}
		return goja.Undefined()
	})
	if err := g.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.ToFlag(enumerable)); err != nil {
		panic(rt.NewGoError(fmt.Errorf("define global %s: %w", name, err)))
	}
}

// WithInternal extends require with the internal modules ("internal/errors")
// for ebbnode's own JS outside the core modules: the prelude. Scripts never
// get it.
func WithInternal(rt *goja.Runtime, require func(string) goja.Value) func(string) goja.Value {
	return jsmod.WithInternal(rt, require)
}

// Internal returns the exports of an internal module ("internal/errors")
// for ebbnode's Go code that builds node's messages.
func Internal(rt *goja.Runtime, name string) *goja.Object {
	return jsmod.GetObject(rt, name)
}
