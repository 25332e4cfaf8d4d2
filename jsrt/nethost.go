package jsrt

import (
	"fmt"
	"syscall"

	netmod "github.com/ebbnode/ebbnode/jsrt/modules/net"
	"github.com/ebbnode/ebbnode/netstack"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

// netHost gives the net module the loop and the runtime's Network Ebb.
type netHost struct {
	v     *vm
	stack netstack.Stack
	err   error
	done  bool
}

// Network dereferences the Network Ebb on the loop's core, once. A runtime
// without one (a Go embedder that installed none) gets an error, which
// the module reports as ENETDOWN.
func (h *netHost) Network() (netstack.Stack, error) {
	if !h.done {
		h.done = true
		h.stack, h.err = networkOn(h.v.loop.core)
		if h.err == nil && h.v.clusterID > 0 {
			h.stack = clusterStack{Stack: h.stack, hub: h.v.hub}
		}
	}
	return h.stack, h.err
}

func networkOn(c *ebbrt.Core) (s netstack.Stack, err error) {
	defer func() {
		if r := recover(); r != nil {
			// No Network Ebb in this runtime: scripts see ENETDOWN.
			err = fmt.Errorf("network: %v: %w", r, syscall.ENETDOWN)
		}
	}()
	return netstack.Network.On(c), nil
}

// Hold keeps the loop alive until release runs (once).
func (h *netHost) Hold() func() {
	l := h.v.loop
	l.pending++
	released := false
	return func() {
		if released {
			return
		}
		released = true
		l.pending--
		l.reschedule()
	}
}

// Post queues fn as a completion of the loop's poll phase, run as a
// callback. Unlike loop.post it takes no hold: handles hold the loop
// themselves.
func (h *netHost) Post(fn func()) {
	l := h.v.loop
	l.ebb.SpawnRemote(l.core.ID(), func(*ebbrt.Core) {
		l.completions = append(l.completions, func() { h.v.callGo(fn) })
		if l.stopped || l.inIter || l.scheduled {
			return
		}
		l.iterate()
	})
}

// provideNet installs the net module's Host in the vm's runtime; closeNet
// then closes whatever sockets the script leaves open when it ends.
func (v *vm) provideNet() error {
	closeAll, err := netmod.Provide(v.rt, &netHost{v: v})
	v.closeNet = closeAll
	return err
}
