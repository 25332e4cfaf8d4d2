package net

import (
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

// conn is a TCP connection's handle. The reader goroutine and the loop
// share mu's fields; the rest belong to the loop.
type conn struct {
	b    *binding
	c    net.Conn
	refs refs

	mu      sync.Mutex
	cond    *sync.Cond
	reading bool // JS wants data
	closed  bool
	started bool

	ahead chan struct{} // chunks posted and not yet handled
	quit  chan struct{} // closed by close: the reader stops waiting
}

func (b *binding) newConn(c net.Conn, mapped bool) *goja.Object {
	return b.makeConn(c).object(mapped)
}

func (b *binding) makeConn(c net.Conn) *conn {
	k := &conn{b: b, c: c, refs: refs{host: b.host}, ahead: make(chan struct{}, readAhead), quit: make(chan struct{})}
	k.cond = sync.NewCond(&k.mu)
	k.refs.hold()
	return k
}

// object is the handle net.js sees.
func (k *conn) object(mapped bool) *goja.Object {
	b, c := k.b, k.c
	o := b.rt.NewObject()
	b.set(o, "local", b.addrInfo(c.LocalAddr(), mapped))
	b.set(o, "remote", b.addrInfo(c.RemoteAddr(), mapped))
	b.set(o, "readStart", k.readStart)
	b.set(o, "readStop", func() { k.mu.Lock(); k.reading = false; k.mu.Unlock() })
	b.set(o, "write", k.write)
	b.set(o, "shutdown", k.shutdown)
	b.set(o, "close", k.close)
	b.set(o, "reset", func(cb goja.Value) {
		// SO_LINGER 0: close sends RST instead of FIN.
		if tc, ok := c.(interface{ SetLinger(int) error }); ok {
			_ = tc.SetLinger(0)
		}
		k.close(cb)
	})
	b.set(o, "setNoDelay", func(on bool) {
		if tc, ok := c.(interface{ SetNoDelay(bool) error }); ok {
			_ = tc.SetNoDelay(on)
		}
	})
	b.set(o, "setKeepAlive", func(on bool, secs int) {
		if tc, ok := c.(interface{ SetKeepAlive(bool) error }); ok {
			_ = tc.SetKeepAlive(on)
		}
		if tc, ok := c.(interface {
			SetKeepAlivePeriod(time.Duration) error
		}); ok && on && secs > 0 {
			_ = tc.SetKeepAlivePeriod(time.Duration(secs) * time.Second)
		}
	})
	b.set(o, "ref", func() {
		k.refs.unref = false
		if !k.isClosed() {
			k.refs.hold()
		}
	})
	b.set(o, "unref", func() { k.refs.unref = true; k.refs.drop() })
	return o
}

func (k *conn) isClosed() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.closed
}

// readStart lets the reader run; the first call starts it. onread(buf)
// gets each chunk, onread(null) the end of the stream, onread(null, info)
// a read error.
func (k *conn) readStart(onread goja.Value) {
	k.mu.Lock()
	k.reading = true
	start := !k.started
	k.started = true
	k.cond.Broadcast()
	k.mu.Unlock()
	if start {
		go k.readLoop(onread)
	}
}

// readLoop runs on its own goroutine until EOF, an error or close.
func (k *conn) readLoop(onread goja.Value) {
	buf := make([]byte, readChunk)
	for {
		k.mu.Lock()
		for !k.reading && !k.closed {
			k.cond.Wait()
		}
		closed := k.closed
		k.mu.Unlock()
		if closed {
			return
		}
		n, err := k.c.Read(buf)
		if n > 0 {
			chunk := append([]byte(nil), buf[:n]...)
			select {
			case k.ahead <- struct{}{}:
			case <-k.quit:
				return
			}
			k.b.host.Post(func() {
				<-k.ahead
				if !k.isClosed() {
					k.b.call(onread, k.b.newBuffer(chunk))
				}
			})
		}
		if err != nil {
			k.b.host.Post(func() {
				if k.isClosed() {
					return
				}
				if errors.Is(err, io.EOF) {
					k.b.call(onread, goja.Null())
				} else {
					k.b.call(onread, goja.Null(), k.b.errInfo(err))
				}
			})
			return
		}
	}
}

// write sends data and reports whether it went out at once, as libuv's
// uv_try_write lets node complete a write synchronously: then cb is not
// called. Otherwise the rest goes on a goroutine and cb(error) runs on the
// loop. stream.Writable issues one write at a time, so writes keep their
// order.
func (k *conn) write(data goja.Value, cb goja.Value) bool {
	b := k.b.bytes(data)
	n := tryWrite(k.c, b)
	if n == len(b) {
		return true
	}
	b = b[n:]
	release := k.b.host.Hold()
	go func() {
		_, err := k.c.Write(b)
		k.b.host.Post(func() {
			release()
			if err != nil {
				k.b.call(cb, k.b.errInfo(err))
				return
			}
			k.b.call(cb, goja.Null())
		})
	}()
	return false
}

// tryWrite writes what the socket takes without blocking: through the
// connection's own TryWrite (the image's gVisor stack), or the host
// socket's descriptor (the hosted backend); otherwise nothing.
func tryWrite(c net.Conn, b []byte) int {
	if tw, ok := c.(interface{ TryWrite([]byte) int }); ok {
		return tw.TryWrite(b)
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return 0
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	_ = rc.Write(func(fd uintptr) bool {
		for n < len(b) {
			m, err := syscall.Write(int(fd), b[n:])
			if m <= 0 || err != nil {
				break
			}
			n += m
		}
		return true // never wait: the rest goes asynchronously
	})
	return n
}

// shutdown closes the write side (a FIN) and then calls cb on the loop.
func (k *conn) shutdown(cb goja.Value) {
	release := k.b.host.Hold()
	go func() {
		var err error
		if cw, ok := k.c.(interface{ CloseWrite() error }); ok {
			err = cw.CloseWrite()
		}
		k.b.host.Post(func() {
			release()
			if err != nil && !errors.Is(err, net.ErrClosed) {
				k.b.call(cb, k.b.errInfo(err))
				return
			}
			k.b.call(cb, goja.Null())
		})
	}()
}

// close closes the connection and calls cb on the loop afterwards, as
// libuv's uv_close does.
func (k *conn) close(cb goja.Value) {
	k.mu.Lock()
	already := k.closed
	k.closed = true
	k.cond.Broadcast()
	k.mu.Unlock()
	if already {
		return
	}
	close(k.quit)
	_ = k.c.Close()
	k.b.open.remove(k.c)
	k.refs.unref = false
	k.refs.hold() // until cb has run
	k.b.host.Post(func() {
		k.refs.drop()
		k.b.call(cb)
	})
}

// bytes copies a Buffer's (or string's) bytes out of JS.
func (b *binding) bytes(v goja.Value) []byte {
	if s, ok := v.Export().(string); ok {
		return []byte(s)
	}
	var out []byte
	if err := b.rt.ExportTo(v, &out); err != nil {
		panic(b.rt.NewTypeError("net: cannot convert chunk to bytes"))
	}
	return append([]byte(nil), out...)
}

// newBuffer wraps p (not copied) as a node Buffer.
func (b *binding) newBuffer(p []byte) goja.Value {
	rt := b.rt
	ctor := rt.Get("Buffer").ToObject(rt)
	from, ok := goja.AssertFunction(ctor.Get("from"))
	if !ok {
		panic(rt.NewTypeError("Buffer.from is not a function"))
	}
	res, err := from(ctor, rt.ToValue(rt.NewArrayBuffer(p)))
	if err != nil {
		panic(err)
	}
	return res
}
