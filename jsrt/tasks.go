package jsrt

import (
	"errors"
	"runtime/debug"

	"github.com/dop251/goja"
)

var gojaModuleVersion = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/dop251/goja" {
				return d.Version
			}
		}
	}
	return "unknown"
}()

// errExit is the interrupt that unwinds JS after process.exit.
var errExit = errors.New("process.exit")

// callJS runs fn(this, ...args) as a macrotask callback, the way node's
// MakeCallback does: then the nextTick queue, then promise jobs (goja runs
// them when the outermost call returns), repeated until both are empty,
// then unhandled rejections. Exceptions go to 'uncaughtException' or end
// the process.
func (v *vm) callJS(fn goja.Value, this goja.Value, args []goja.Value) {
	if v.exiting {
		return
	}
	arr := goja.Undefined()
	if len(args) > 0 {
		items := make([]any, len(args))
		for i, a := range args {
			items[i] = a
		}
		arr = v.rt.NewArray(items...)
	}
	v.callJSArgs(fn, this, arr)
}

// callJSArgs is callJS with the arguments already in a JS array (or
// undefined for none).
func (v *vm) callJSArgs(fn, this, args goja.Value) {
	if v.exiting {
		return
	}
	_, err := v.runTop(goja.Undefined(), fn, this, args)
	v.afterCallback(err)
}

// callGo is callJS for Go code that calls into JS (fs completions, stdin):
// fn runs inside the same outermost call, and may panic with a goja
// exception to report it as uncaught.
func (v *vm) callGo(fn func()) {
	if v.exiting {
		return
	}
	v.goFn = fn
	_, err := v.runTop(goja.Undefined(), v.goRunner, goja.Undefined(), goja.Undefined())
	v.afterCallback(err)
}

func (v *vm) afterCallback(err error) {
	for {
		if err != nil {
			v.uncaught(err)
		}
		if v.exiting {
			return
		}
		v.processRejections()
		if v.exiting {
			return
		}
		more, herr := v.hasTicks(goja.Undefined())
		if herr != nil || !more.ToBoolean() {
			return
		}
		_, err = v.runTop(goja.Undefined(), goja.Undefined(), goja.Undefined(), goja.Undefined())
	}
}

// uncaught handles an exception that escaped a callback.
func (v *vm) uncaught(err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) || v.exiting {
		if v.self != nil && v.self.h.terminating.Load() {
			v.exit(1) // worker.terminate()
		}
		return // process.exit unwinding
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		// goja's overflow cannot be caught by JS; node's RangeError could,
		// but an uncaught one prints the same.
		re, nerr := v.rt.New(v.rt.Get("RangeError"), v.rt.ToValue("Maximum call stack size exceeded"))
		if nerr == nil {
			_ = re.DefineDataPropertySymbol(headerSym, v.rt.ToValue(v.headerAt(so.Stack())), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			v.fatal(re, nil)
			return
		}
	}
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		v.fatal(v.rt.ToValue(err.Error()), nil)
		return
	}
	v.reportUncaughtException(ex)
}

// monitor emits 'uncaughtExceptionMonitor', which node calls before
// deciding what an uncaught error does.
func (v *vm) monitor(val goja.Value, origin string) {
	if v.listeners("uncaughtExceptionMonitor") == 0 {
		return
	}
	args := v.rt.NewArray(v.rt.ToValue("uncaughtExceptionMonitor"), val, v.rt.ToValue(origin))
	if _, err := v.runTop(goja.Undefined(), v.fns.Get("emit"), goja.Undefined(), args); err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) && !v.exiting {
			v.fatal(ex.Value(), ex)
		}
	}
}

func (v *vm) reportUncaughtException(ex *goja.Exception) {
	val := ex.Value()
	v.monitor(val, "uncaughtException")
	if v.exiting {
		return
	}
	if v.listeners("uncaughtException") > 0 {
		args := v.rt.NewArray(v.rt.ToValue("uncaughtException"), val, v.rt.ToValue("uncaughtException"))
		if _, err := v.runTop(goja.Undefined(), v.fns.Get("emit"), goja.Undefined(), args); err != nil {
			var ie *goja.InterruptedError
			if errors.As(err, &ie) || v.exiting {
				return
			}
			var ex2 *goja.Exception
			if errors.As(err, &ex2) {
				v.fatal(ex2.Value(), ex2)
				return
			}
			v.fatal(v.rt.ToValue(err.Error()), nil)
		}
		return
	}
	v.fatal(val, ex)
}

// reportUncaughtValue is queueMicrotask's path: a callback threw inside a
// promise job, where node reports it as uncaught rather than as a
// rejection.
func (v *vm) reportUncaughtValue(val goja.Value) {
	if v.listeners("uncaughtException") > 0 {
		if _, err := v.emit(goja.Undefined(), v.rt.ToValue("uncaughtException"), val, v.rt.ToValue("uncaughtException")); err != nil {
			panic(err)
		}
		return
	}
	v.fatal(val, nil)
}

func (v *vm) listeners(name string) int {
	n, err := v.listenerCnt(goja.Undefined(), v.rt.ToValue(name))
	if err != nil {
		return 0
	}
	return int(n.ToInteger())
}

// fatal prints an uncaught error as node does and exits with code 1 after
// the 'exit' listeners.
func (v *vm) fatal(val goja.Value, ex *goja.Exception) {
	if v.exiting {
		return
	}
	if v.self != nil {
		// A worker's uncaught error goes to the parent's 'error' event.
		v.captureError(val)
	} else {
		v.printUncaught(val, ex)
	}
	_ = v.process.Set("exitCode", 1)
	if _, err := v.emitExit(goja.Undefined()); err != nil && !v.exiting {
		v.exit(7) // node: an 'exit' listener threw while handling a fatal error
	}
	if !v.exiting {
		v.exit(1)
	}
}

// exit ends the process with code at once: no more JS runs.
func (v *vm) exit(code int) {
	if v.exiting {
		return
	}
	v.exiting = true
	v.exitCode = code
	v.loop.stop()
	if v.rt != nil {
		v.rt.Interrupt(errExit)
	}
	close(v.done)
	if v.onExit != nil {
		v.onExit(code)
	}
}

// beforeExit is the loop's onEmpty hook.
func (v *vm) beforeExit() {
	if v.exiting || v.process == nil {
		return
	}
	v.callJS(v.fns.Get("emitBeforeExit"), goja.Undefined(), nil)
}

// naturalExit runs when the loop has drained: 'exit' listeners, then exit
// with process.exitCode.
func (v *vm) naturalExit() {
	if v.exiting {
		return
	}
	if v.process != nil {
		if v.mods != nil && v.mods.mainAwaiting() {
			// node's exit code for a top-level await that never settled
			_ = v.process.Set("exitCode", 13)
		}
		v.callJS(v.fns.Get("emitExit"), goja.Undefined(), nil)
	}
	v.exit(0)
}

// rejectionTracker records promises rejected with no handler, in order; a
// handler attached later (before the check) takes the promise back out.
type rejectionTracker struct {
	pending []*goja.Promise
	handled map[*goja.Promise]bool
}

func (t *rejectionTracker) track(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		t.pending = append(t.pending, p)
		if t.handled != nil {
			delete(t.handled, p)
		}
	case goja.PromiseRejectionHandle:
		if t.handled == nil {
			t.handled = map[*goja.Promise]bool{}
		}
		t.handled[p] = true
	}
}

// processRejections is node's processPromiseRejections in its default
// 'throw' mode: 'unhandledRejection' listeners, else an uncaught error.
func (v *vm) processRejections() {
	for len(v.rejections.pending) > 0 && !v.exiting {
		list := v.rejections.pending
		handled := v.rejections.handled
		v.rejections.pending = nil
		v.rejections.handled = nil
		for _, p := range list {
			if v.exiting {
				return
			}
			if handled[p] {
				continue
			}
			reason := p.Result()
			if v.listeners("unhandledRejection") > 0 {
				_, err := v.runTop(goja.Undefined(), v.fns.Get("emit"), goja.Undefined(),
					v.rt.NewArray(v.rt.ToValue("unhandledRejection"), reason, v.rt.ToValue(p)))
				if err != nil {
					v.uncaught(err)
				}
				continue
			}
			v.unhandledRejection(reason)
		}
	}
}

// unhandledRejection throws reason as an uncaught exception, wrapping
// non-errors as node's UnhandledPromiseRejection does.
func (v *vm) unhandledRejection(reason goja.Value) {
	val := reason
	if !isError(v.rt, reason) {
		val = v.newUnhandledRejectionError(reason)
	}
	v.monitor(val, "unhandledRejection")
	if v.exiting {
		return
	}
	if v.listeners("uncaughtException") > 0 {
		_, err := v.emit(goja.Undefined(), v.rt.ToValue("uncaughtException"), val, v.rt.ToValue("unhandledRejection"))
		if err != nil {
			v.uncaught(err)
		}
		return
	}
	v.fatal(val, nil)
}

func (v *vm) newUnhandledRejectionError(reason goja.Value) goja.Value {
	desc := inspectValue(v.rt, reason)
	msg := "This error originated either by throwing inside of an async function without a catch block, " +
		"or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"" +
		desc + "\"."
	errObj, err := v.rt.New(v.rt.Get("Error"), v.rt.ToValue(msg))
	if err != nil {
		return reason
	}
	_ = errObj.Set("code", "ERR_UNHANDLED_REJECTION")
	_ = errObj.DefineDataProperty("name", v.rt.ToValue("UnhandledPromiseRejection"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = errObj.DefineDataProperty("stack", v.rt.ToValue("UnhandledPromiseRejection: "+msg), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return errObj
}
