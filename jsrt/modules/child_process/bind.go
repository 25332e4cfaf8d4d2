package child_process

import (
	"errors"
	"io"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
)

// optionsOf reads the options child_process.js resolved: file, args,
// argv0, cwd, env (KEY=VALUE strings), stdio (three modes), input,
// timeout (ms), killSignal (a name).
func optionsOf(rt *goja.Runtime, v goja.Value) spawnOpts {
	obj := v.ToObject(rt)
	var o spawnOpts
	str := func(name string) string {
		if x := obj.Get(name); x != nil && !goja.IsUndefined(x) && !goja.IsNull(x) {
			return x.String()
		}
		return ""
	}
	o.file, o.argv0, o.cwd = str("file"), str("argv0"), str("cwd")
	_ = rt.ExportTo(obj.Get("args"), &o.args)
	_ = rt.ExportTo(obj.Get("env"), &o.env)
	var stdio []string
	_ = rt.ExportTo(obj.Get("stdio"), &stdio)
	copy(o.stdio[:], stdio)
	if x := obj.Get("input"); x != nil && !goja.IsUndefined(x) {
		_ = rt.ExportTo(x, &o.input)
	}
	if x := obj.Get("timeout"); x != nil && !goja.IsUndefined(x) {
		o.timeout = time.Duration(x.ToInteger()) * time.Millisecond
	}
	o.kill = syscall.SIGTERM
	if s := unix.SignalNum(str("killSignal")); s != 0 {
		o.kill = s
	}
	return o
}

func spawnFailure(rt *goja.Runtime, err error) goja.Value {
	var se *spawnError
	if !errors.As(err, &se) {
		se = classify(err)
	}
	return rt.ToValue(map[string]any{"error": se.code, "errno": se.errno})
}

func buffer(rt *goja.Runtime, b []byte) goja.Value {
	return rt.ToValue(rt.NewArrayBuffer(b))
}

// stdio returns the runtime's standard streams for "inherit".
func stdio(rt *goja.Runtime) (io.Reader, io.Writer, io.Writer) {
	if env := hostenv.Get(rt); env != nil {
		return env.Stdin, env.Stdout, env.Stderr
	}
	return nil, io.Discard, io.Discard
}

func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	h.Set("spawnSync", func(ov goja.Value) goja.Value {
		in, out, errw := stdio(rt)
		r := runSync(optionsOf(rt, ov), in, out, errw)
		res := map[string]any{"pid": r.pid, "status": r.status, "signal": r.signal}
		if r.err != nil {
			res["error"], res["errno"] = r.err.code, r.err.errno
		} else {
			res["stdout"], res["stderr"] = buffer(rt, r.stdout), buffer(rt, r.stderr)
		}
		return rt.ToValue(res)
	})
	h.Set("spawn", func(ov goja.Value) goja.Value {
		env := hostenv.Get(rt)
		if env == nil || env.Async == nil {
			return rt.ToValue(map[string]any{"error": "ENOSYS", "errno": -int(unix.ENOSYS)})
		}
		in, out, errw := stdio(rt)
		c, err := start(optionsOf(rt, ov), in, out, errw)
		if err != nil {
			return spawnFailure(rt, err)
		}
		return wrapChild(rt, env, c)
	})
	return h
}

// wrapChild is the Go half of a ChildProcess: read and wait complete on
// the loop through env.Async, calling back into JS.
func wrapChild(rt *goja.Runtime, env *hostenv.Env, c *child) goja.Value {
	o := rt.NewObject()
	o.Set("pid", c.cmd.Process.Pid)
	o.Set("read", func(fd int, cb goja.Callable) {
		var chunk []byte
		env.Async(func() { chunk = c.read(fd) }, func() {
			arg := goja.Null()
			if chunk != nil {
				arg = buffer(rt, chunk)
			}
			if _, err := cb(goja.Undefined(), arg); err != nil {
				panic(err)
			}
		})
	})
	o.Set("wait", func(cb goja.Callable) {
		var code int
		var signal string
		env.Async(func() { code, signal = c.wait() }, func() {
			sig := goja.Null()
			if signal != "" {
				sig = rt.ToValue(signal)
			}
			if _, err := cb(goja.Undefined(), rt.ToValue(code), sig); err != nil {
				panic(err)
			}
		})
	})
	o.Set("write", func(v goja.Value) {
		var b []byte
		if err := rt.ExportTo(v, &b); err != nil {
			panic(rt.NewTypeError("child_process: write: " + err.Error()))
		}
		c.write(b, false)
	})
	o.Set("end", func() { c.write(nil, true) })
	// kill(signal name) -> whether the signal was sent.
	o.Set("kill", func(name string) bool {
		s := unix.SignalNum(name)
		if s == 0 {
			return false
		}
		return c.cmd.Process.Signal(s) == nil
	})
	return o
}
