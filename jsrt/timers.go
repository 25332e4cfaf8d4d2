package jsrt

import (
	"github.com/dop251/goja"
)

// timerBinding adds the Go side of prelude.js's Timeout and Immediate
// classes. Handles are Go pointers wrapped as JS values, kept on the JS
// objects, so the garbage collector frees both together.
func (v *vm) timerBinding(set func(string, any)) {
	rt := v.rt
	set("timerStart", func(obj *goja.Object, after float64, repeat bool) goja.Value {
		t := &timer{delay: after, repeat: repeat, ref: true}
		ctx := v.actx.Value
		t.fn = func() {
			v.inContext(ctx, func() { v.callJSArgs(obj.Get("_onTimeout"), obj, obj.Get("_timerArgs")) })
			if !t.repeat && !t.armed() {
				// Fired for good (unless refresh() re-arms it): node marks
				// a spent timeout destroyed.
				_ = obj.Set("_destroyed", true)
			}
		}
		v.loop.addTimer(t)
		return rt.ToValue(t)
	})
	set("timerStop", func(h goja.Value) {
		if t, ok := h.Export().(*timer); ok {
			v.loop.removeTimer(t)
			t.fn = nil
		}
	})
	set("timerRef", func(h goja.Value, ref bool) {
		if t, ok := h.Export().(*timer); ok {
			v.loop.setTimerRef(t, ref)
			v.loop.reschedule()
		}
	})
	set("timerHasRef", func(h goja.Value) bool {
		t, ok := h.Export().(*timer)
		return ok && t.ref
	})
	set("timerRefresh", func(h goja.Value) {
		if t, ok := h.Export().(*timer); ok && t.fn != nil {
			v.loop.removeTimer(t)
			v.loop.addTimer(t)
		}
	})
	set("immediateStart", func(obj *goja.Object) goja.Value {
		im := &immediate{ref: true}
		ctx := v.actx.Value
		im.fn = func() {
			_ = obj.Set("_destroyed", true)
			v.inContext(ctx, func() { v.callJSArgs(obj.Get("_onImmediate"), obj, obj.Get("_argv")) })
		}
		v.loop.addImmediate(im)
		return rt.ToValue(im)
	})
	set("immediateClear", func(h goja.Value) {
		if im, ok := h.Export().(*immediate); ok {
			v.loop.clearImmediate(im)
			v.loop.reschedule()
		}
	})
	set("immediateRef", func(h goja.Value, ref bool) {
		if im, ok := h.Export().(*immediate); ok {
			v.loop.setImmediateRef(im, ref)
			v.loop.reschedule()
		}
	})
	set("immediateHasRef", func(h goja.Value) bool {
		im, ok := h.Export().(*immediate)
		return ok && im.ref
	})
}

// inContext runs fn in async context ctx (captured when its callback was
// scheduled), then returns to the context before.
func (v *vm) inContext(ctx goja.Value, fn func()) {
	if !v.actx.Enabled() {
		fn()
		return
	}
	prev := v.actx.Value
	v.actx.Value = ctx
	defer func() { v.actx.Value = prev }()
	fn()
}
