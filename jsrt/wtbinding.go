package jsrt

import (
	"strconv"

	"github.com/dop251/goja"
)

// The Go half of worker_threads.js: evaluating it, calling into it, and
// turning its serialized values into messages and back (see workers.go).

// wt returns worker_threads.js's result for v, evaluating it on first use.
func (v *vm) wt() *goja.Object {
	if v.wtObj != nil {
		return v.wtObj
	}
	fnv, err := v.rt.RunProgram(workerThreadsPrg())
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	res, err := fn(goja.Undefined(), v.wtBinding(), v.rt.ToValue(v.mods.coreRequire))
	if err != nil {
		panic(err)
	}
	v.wtObj = res.ToObject(v.rt)
	return v.wtObj
}

// wtCall calls one of worker_threads.js's internal functions; a JS
// exception propagates as a panic, for callGo to report.
func (v *vm) wtCall(name string, args ...any) goja.Value {
	fn, _ := goja.AssertFunction(v.wt().Get("internal").ToObject(v.rt).Get(name))
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		if gv, ok := a.(goja.Value); ok {
			vals[i] = gv
		} else {
			vals[i] = v.rt.ToValue(a)
		}
	}
	res, err := fn(goja.Undefined(), vals...)
	if err != nil {
		throw(v.rt, err)
	}
	return res
}

// pack turns a serialized value (worker_threads.js's serialize) into a
// message: bytes copied, or moved and the sender's buffer detached; shared
// memory shared; ports detached from v.
func (v *vm) pack(tape, bufs, moved, ports goja.Value) *message {
	rt := v.rt
	m := &message{}
	to := tape.ToObject(rt)
	n := int(to.Get("length").ToInteger())
	m.tape = make([]goja.Value, n)
	for i := 0; i < n; i++ {
		m.tape[i] = to.Get(itoa(i))
	}
	bo, mo := bufs.ToObject(rt), moved.ToObject(rt)
	for i, n := 0, int(bo.Get("length").ToInteger()); i < n; i++ {
		b := bo.Get(itoa(i)).ToObject(rt)
		if sb := sharedOf(b); sb != nil {
			m.bufs = append(m.bufs, xferBuf{shared: sb})
			continue
		}
		ab, _ := b.Export().(goja.ArrayBuffer)
		data := ab.Bytes()
		if mo.Get(itoa(i)).ToBoolean() {
			ab.Detach()
		} else {
			data = append([]byte(nil), data...)
		}
		m.bufs = append(m.bufs, xferBuf{data: data})
	}
	if ports != nil && !goja.IsUndefined(ports) {
		po := ports.ToObject(rt)
		for i, n := 0, int(po.Get("length").ToInteger()); i < n; i++ {
			p := po.Get(itoa(i)).Export().(*port)
			p.detach(v)
			m.ports = append(m.ports, p)
		}
	}
	return m
}

// unpack gives a message's parts to v's JS: the tape, the buffers as v's
// own ArrayBuffers (SharedArrayBuffers over the shared memory) and the
// ports' handles.
func (v *vm) unpack(m *message) (tape, bufs, ports goja.Value) {
	rt := v.rt
	items := make([]any, len(m.tape))
	for i, x := range m.tape {
		items[i] = x
	}
	bs := make([]any, len(m.bufs))
	for i, b := range m.bufs {
		if b.shared != nil {
			bs[i] = v.newShared(b.shared)
		} else {
			bs[i] = rt.NewArrayBuffer(b.data)
		}
	}
	ps := make([]any, len(m.ports))
	for i, p := range m.ports {
		ps[i] = p
	}
	return rt.NewArray(items...), rt.NewArray(bs...), rt.NewArray(ps...)
}

func itoa(i int) string { return strconv.Itoa(i) }

// wtBinding is the Go half of worker_threads.js.
func (v *vm) wtBinding() *goja.Object {
	rt := v.rt
	b := rt.NewObject()
	set := func(name string, val any) { _ = b.Set(name, val) }
	portOf := func(h goja.Value) *port { return h.Export().(*port) }
	set("isShared", func(x goja.Value) bool {
		o, ok := x.(*goja.Object)
		return ok && sharedOf(o) != nil
	})
	set("newChannel", func() goja.Value {
		a, b := newPortPair(v)
		return rt.NewArray(a, b)
	})
	set("portBind", func(h goja.Value, obj *goja.Object) { portOf(h).adopt(v, obj) })
	set("portPost", func(h, tape, bufs, moved, ports goja.Value) {
		portOf(h).post(v.pack(tape, bufs, moved, ports))
	})
	set("portStart", func(h goja.Value) { portOf(h).start(v) })
	set("portActive", func(h goja.Value, on bool) {
		p := portOf(h)
		p.active = on
		p.updateHold(v)
	})
	set("portRef", func(h goja.Value, on bool) {
		p := portOf(h)
		p.refd = on
		p.updateHold(v)
	})
	set("portClose", func(h goja.Value) { portOf(h).close(v) })
	set("portReceive", func(h goja.Value) goja.Value {
		m := portOf(h).receive()
		if m == nil {
			return goja.Undefined()
		}
		tape, bufs, ports := v.unpack(m)
		o := rt.NewObject()
		_ = o.Set("tape", tape)
		_ = o.Set("bufs", bufs)
		_ = o.Set("ports", ports)
		return o
	})
	set("workerStart", v.workerStart)
	set("workerTerminate", func(h goja.Value) { h.Export().(*workerHandle).terminate() })
	set("workerRef", func(h goja.Value, on bool) {
		w := h.Export().(*workerHandle)
		w.refd = on
		switch {
		case on && w.release == nil && w.obj != nil:
			w.release = v.hold()
		case !on && w.release != nil:
			w.release()
			w.release = nil
		}
	})
	set("broadcastOpen", func(name string, obj *goja.Object) goja.Value { return rt.ToValue(v.broadcastOpen(name, obj)) })
	set("broadcastPost", func(h, tape, bufs goja.Value) {
		h.Export().(*bchan).post(v.pack(tape, bufs, rt.NewArray(), nil))
	})
	set("broadcastClose", func(h goja.Value) { h.Export().(*bchan).close() })
	set("broadcastRef", func(h goja.Value, on bool) {
		c := h.Export().(*bchan)
		c.refd = on
		c.updateHold()
	})
	threadID := 0
	self := goja.Null()
	if s := v.self; s != nil && v.clusterID > 0 {
		// A cluster worker is a process in node: main thread, no
		// parentPort; its port is the channel to the primary.
		set("clusterPort", func() goja.Value {
			s.port.adopt(v, nil)
			return rt.ToValue(s.port)
		})
	} else if s != nil {
		threadID = s.h.threadID
		o := rt.NewObject()
		s.port.adopt(v, nil)
		_ = o.Set("port", s.port)
		tape, bufs, ports := v.unpack(s.data)
		_ = o.Set("tape", tape)
		_ = o.Set("bufs", bufs)
		_ = o.Set("ports", ports)
		_ = o.Set("resourceLimits", s.limitMap)
		self = o
	}
	set("threadId", threadID)
	set("self", func() goja.Value { return self })
	return b
}
