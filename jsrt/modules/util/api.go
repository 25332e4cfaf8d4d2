package util

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

func call(rt *goja.Runtime, name string, args ...goja.Value) string {
	u := jsmod.GetObject(rt, ModuleName)
	fn, ok := goja.AssertFunction(u.Get(name))
	if !ok {
		panic(rt.NewTypeError("util." + name + " is not a function"))
	}
	v, err := fn(u, args...)
	if err != nil {
		panic(err)
	}
	return v.String()
}

// Format is node's util.format(...args); console.log prints its result.
// It must be called on the runtime's goroutine; JS exceptions (from a throwing
// getter or inspect.custom) propagate as panics, as from any goja call.
func Format(rt *goja.Runtime, args []goja.Value) string {
	if s, ok := plainStrings(args); ok {
		return s
	}
	return call(rt, "format", args...)
}

// plainStrings is util.format's result when every argument is a string and
// the first has no '%': node then joins them with spaces, uninspected. It
// spares scripts that only print text from loading util.inspect at all.
func plainStrings(args []goja.Value) (string, bool) {
	var b strings.Builder
	for i, a := range args {
		if _, isObj := a.(*goja.Object); isObj || !goja.IsString(a) {
			return "", false
		}
		s := a.String()
		if i == 0 && len(args) > 1 && strings.IndexByte(s, '%') >= 0 {
			return "", false
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String(), true
}

// Inspect is node's util.inspect(v) with the default options.
func Inspect(rt *goja.Runtime, v goja.Value) string {
	return call(rt, "inspect", v)
}
