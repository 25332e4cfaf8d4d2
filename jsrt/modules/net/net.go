// Package net is node's 'net', 'dgram' and 'dns' modules for ebbnode: TCP
// servers and sockets, UDP sockets and name lookup on the network service
// (netstack.Stack, the runtime's Network Ebb).
//
// The API (Socket as a stream.Duplex, Server, argument handling, node's
// errors) is JavaScript in net.js, dgram.js and dns.js. Each socket and
// listener is a Go handle (binding.go, conn.go, udp.go; lookups in dns.go): its accept or read loop runs on a goroutine of its own and
// hands each event to the JS event loop through the Host, so JS runs only
// on the loop. Reads are bounded (a few chunks in flight; readStop parks the
// reader) and writes are one at a time, as stream.Writable issues them, so
// a slow peer or a slow script applies backpressure instead of buffering
// without limit.
//
// tls.go adds internal/tlsbinding for https: the same handles over Go's
// crypto/tls (a TLS listener; a dial that finishes the client handshake).
//
// The embedder gives each goja runtime its Host with Provide before a
// script can require the module; without one, every operation fails with
// ENETDOWN.
package net

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
	"github.com/ebbnode/ebbnode/netstack"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "net"

// Host is what the module needs from the runtime that runs the script.
type Host interface {
	// Network is the network service; an error when none is installed.
	Network() (netstack.Stack, error)
	// Hold keeps the event loop alive until the returned release runs.
	// Both are called on the loop.
	Hold() (release func())
	// Post runs fn on the event loop as a callback (ticks and promise
	// jobs drained after it; a goja exception it panics with is reported
	// as uncaught). Safe from any goroutine; it does not keep the loop
	// alive by itself.
	Post(fn func())
}

// hostSym keys the runtime's Host on its global object.
var hostSym = goja.NewSymbol("ebbnode.net.host")

type hostBox struct {
	h    Host
	open *registry
}

// Provide gives rt's net, dgram and dns modules their Host. Call it on rt's
// goroutine before the script runs. closeAll closes every socket the script
// left open; call it (from any goroutine) once the script has ended.
func Provide(rt *goja.Runtime, h Host) (closeAll func(), err error) {
	box := &hostBox{h: h, open: &registry{}}
	if err := rt.GlobalObject().DefineDataPropertySymbol(hostSym, rt.ToValue(box), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, fmt.Errorf("net: provide host: %w", err)
	}
	return box.open.closeAll, nil
}

func hostOf(rt *goja.Runtime) (Host, *registry) {
	if v := rt.GlobalObject().GetSymbol(hostSym); v != nil {
		if b, ok := v.Export().(*hostBox); ok {
			return b.h, b.open
		}
	}
	return nil, &registry{}
}

var (
	//go:embed net.js
	netJS string
	//go:embed dgram.js
	dgramJS string
	//go:embed dns.js
	dnsJS string
)

// The three modules share one binding per runtime (internal/netbinding).
var (
	netSrc   = jsmod.NewSource("node:net", netJS)
	dgramSrc = jsmod.NewSource("node:dgram", dgramJS)
	dnsSrc   = jsmod.NewSource("node:dns", dnsJS)
)

func init() {
	jsmod.RegisterInternal("internal/netbinding", func(rt *goja.Runtime, _ *goja.Object) goja.Value {
		h, open := hostOf(rt)
		b := &binding{rt: rt, host: h, open: open}
		return b.object()
	})
	for name, s := range map[string]*jsmod.Source{ModuleName: netSrc, "dgram": dgramSrc, "dns": dnsSrc} {
		s := s
		jsmod.Register(name, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
			return s.Run(rt, exports, jsmod.GetObject(rt, "internal/netbinding"))
		})
	}
	jsmod.Register("dns/promises", func(rt *goja.Runtime, _ *goja.Object) goja.Value {
		return jsmod.GetObject(rt, "dns").Get("promises")
	})
}
