package net

import (
	"context"
	"errors"
	"net"
	"strconv"
	"time"

	"github.com/dop251/goja"
)

// readChunk is the most one read hands to JS, as libuv's 64 KiB.
const readChunk = 64 << 10

// readAhead bounds the chunks a reader may have posted to the loop and
// not yet seen handled: past it, the reader waits.
const readAhead = 4

// binding is the Go half of net.js for one runtime. Its methods run on the
// loop, except where a goroutine is named.
type binding struct {
	rt   *goja.Runtime
	host Host
	open *registry // what the script has open, closed when it ends
}

func (b *binding) object() *goja.Object {
	o := b.rt.NewObject()
	b.set(o, "listen", b.listen)
	b.set(o, "connect", b.connect)
	b.set(o, "udpBind", b.udpBind)
	b.set(o, "lookup", b.lookup)
	return o
}

func (b *binding) set(o *goja.Object, name string, v any) {
	if err := o.Set(name, v); err != nil {
		panic(b.rt.NewGoError(err))
	}
}

// call runs a JS callback from a posted Go function; an exception
// propagates as a panic, which the Host reports as uncaught.
func (b *binding) call(fn goja.Value, args ...goja.Value) {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return
	}
	if _, err := f(goja.Undefined(), args...); err != nil {
		panic(err)
	}
}

func (b *binding) stack() (interface {
	Listen(ctx context.Context, network, address string) (net.Listener, error)
	Dial(ctx context.Context, network, address string) (net.Conn, error)
}, error) {
	if b.host == nil {
		return nil, errNoNetwork
	}
	return b.host.Network()
}

// network picks the Go network for a host: tcp4 for an IPv4 literal,
// tcp6 for an IPv6 one, tcp otherwise.
func network(host string) string {
	if ip := net.ParseIP(host); ip != nil {
		if ip.To4() != nil {
			return "tcp4"
		}
		return "tcp6"
	}
	return "tcp"
}

// listen opens a listener on host:port. It returns {handle} or {error}.
// onConnection(handle) runs for each accepted connection, onError(info)
// when accepting fails.
func (b *binding) listen(host string, port int, onConnection, onError goja.Value) goja.Value {
	res := b.rt.NewObject()
	s, err := b.stack()
	if err == nil {
		var ln net.Listener
		ln, err = s.Listen(context.Background(), network(host), net.JoinHostPort(host, strconv.Itoa(port)))
		if err == nil {
			b.open.add(ln)
			// An unspecified host listens on "::" (dual stack), as node.
			dual := host == "" || network(host) == "tcp6"
			b.set(res, "handle", b.newServer(ln, dual, onConnection, onError))
			return res
		}
	}
	b.set(res, "error", b.errInfo(err))
	return res
}

// connect dials host:port on a goroutine and calls cb(error, handle) on
// the loop. The loop stays alive while it dials.
func (b *binding) connect(host string, port int, cb goja.Value) {
	s, err := b.stack()
	if err != nil {
		b.host.Post(func() { b.call(cb, b.errInfo(err), goja.Null()) })
		return
	}
	release := b.host.Hold()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c, err := s.Dial(ctx, network(host), net.JoinHostPort(host, strconv.Itoa(port)))
		if err == nil && !b.open.add(c) {
			return // the script has ended
		}
		b.host.Post(func() {
			release()
			if err != nil {
				b.call(cb, b.errInfo(err), goja.Null())
				return
			}
			b.call(cb, goja.Null(), b.newConn(c, false))
		})
	}()
}

// refs is a handle's hold on the loop: held while the handle is open and
// ref'd, as libuv's active handles.
type refs struct {
	host    Host
	release func()
	unref   bool
}

func (r *refs) hold() {
	if r.release == nil && !r.unref {
		r.release = r.host.Hold()
	}
}

func (r *refs) drop() {
	if r.release != nil {
		r.release()
		r.release = nil
	}
}

// server is a listener's handle.
type server struct {
	b      *binding
	ln     net.Listener
	dual   bool // an IPv6 socket: accepted IPv4 peers show as ::ffff:
	refs   refs
	closed bool
}

func (b *binding) newServer(ln net.Listener, dual bool, onConnection, onError goja.Value) *goja.Object {
	s := &server{b: b, ln: ln, dual: dual, refs: refs{host: b.host}}
	s.refs.hold()
	o := b.rt.NewObject()
	b.set(o, "address", func() goja.Value { return b.addrInfo(ln.Addr(), false) })
	b.set(o, "close", func() {
		if !s.closed {
			s.closed = true
			_ = ln.Close()
			b.open.remove(ln)
			s.refs.drop()
		}
	})
	b.set(o, "ref", func() {
		s.refs.unref = false
		if !s.closed {
			s.refs.hold()
		}
	})
	b.set(o, "unref", func() { s.refs.unref = true; s.refs.drop() })
	go s.acceptLoop(onConnection, onError)
	return o
}

// acceptLoop runs on its own goroutine until the listener closes.
func (s *server) acceptLoop(onConnection, onError goja.Value) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			var te interface{ Temporary() bool }
			if errors.As(err, &te) && te.Temporary() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			s.b.host.Post(func() {
				if !s.closed {
					s.b.call(onError, s.b.errInfo(err))
				}
			})
			return
		}
		if !s.b.open.add(c) {
			return // the script has ended
		}
		s.b.host.Post(func() {
			if s.closed {
				_ = c.Close()
				s.b.open.remove(c)
				return
			}
			s.b.call(onConnection, s.b.newConn(c, s.dual))
		})
	}
}

// addrInfo is node's {address, family, port} for a TCP address. mapped
// says the socket is an IPv6 one (a listener on "::" and what it accepts),
// where node shows an IPv4 peer as "::ffff:a.b.c.d", family IPv6.
func (b *binding) addrInfo(a net.Addr, mapped bool) goja.Value {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return goja.Null()
	}
	o := b.rt.NewObject()
	addr, family := "::", "IPv6"
	if v4 := ta.IP.To4(); v4 != nil {
		addr, family = v4.String(), "IPv4"
		if mapped {
			addr, family = "::ffff:"+addr, "IPv6"
		}
	} else if ta.IP != nil {
		addr = ta.IP.String()
	}
	b.set(o, "address", addr)
	b.set(o, "family", family)
	b.set(o, "port", ta.Port)
	return o
}
