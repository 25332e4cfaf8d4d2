package jsrt

import (
	"context"
	_ "embed"
	"fmt"
	"net"
	"sync"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/netstack"
)

// cluster: node's primary forks worker processes that share a listening
// port. An image has no processes, so ebbnode's cluster workers are vms
// like worker_threads workers (each its own goja runtime, loop and core)
// that see cluster.isWorker and talk to the primary over a port (JSON, as
// node's IPC). Their listeners go through sharedListeners: the first
// worker to listen on an address opens the real listener, and one
// goroutine accepts on it and hands each connection to the next worker
// listening there, round-robin, as node's primary does (SCHED_RR). The
// connection is then served on that worker's core. Hosted it is the same
// design: one process, where node would have several.

//go:embed cluster.js
var clusterSrc string

// Compiled on first use: most scripts never load it.
var clusterPrg = sync.OnceValue(func() *goja.Program { return goja.MustCompile("node:cluster", clusterSrc, true) })

// clusterModule builds require('cluster') (cluster.js).
func (v *vm) clusterModule() goja.Value {
	fnv, err := v.rt.RunProgram(clusterPrg())
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	b := v.rt.NewObject()
	_ = b.Set("workerId", v.clusterID)
	_ = b.Set("wt", v.wt().Get("internal"))
	res, err := fn(goja.Undefined(), b, v.rt.ToValue(v.mods.coreRequire))
	if err != nil {
		panic(err)
	}
	return res
}

// clusterStack is a cluster worker's network: the runtime's, except that
// listeners are shared with the other workers.
type clusterStack struct {
	netstack.Stack
	hub *hub
}

func (s clusterStack) Listen(ctx context.Context, network, address string) (net.Listener, error) {
	return s.hub.listeners.listen(ctx, s.Stack, network, address)
}

// sharedListeners are the real listeners of cluster workers, by network
// and address as the worker asked (port 0 too: the workers share the port
// the first one got, as in node).
type sharedListeners struct {
	mu sync.Mutex
	m  map[string]*sharedListener
}

type sharedListener struct {
	key  string
	real net.Listener
	own  *sharedListeners

	mu   sync.Mutex
	subs []*subListener
	next int // round-robin position
}

// subListener is one worker's view of a shared listener.
type subListener struct {
	sl     *sharedListener
	conns  chan net.Conn
	done   chan struct{}
	closed sync.Once
}

func (o *sharedListeners) listen(ctx context.Context, st netstack.Stack, network, address string) (net.Listener, error) {
	key := network + "|" + address
	o.mu.Lock()
	defer o.mu.Unlock()
	sl := o.m[key]
	if sl == nil {
		ln, err := st.Listen(ctx, network, address)
		if err != nil {
			return nil, err
		}
		sl = &sharedListener{key: key, real: ln, own: o}
		if o.m == nil {
			o.m = map[string]*sharedListener{}
		}
		o.m[key] = sl
		go sl.acceptLoop()
	}
	sub := &subListener{sl: sl, conns: make(chan net.Conn), done: make(chan struct{})}
	sl.mu.Lock()
	sl.subs = append(sl.subs, sub)
	sl.mu.Unlock()
	return sub, nil
}

// acceptLoop hands each accepted connection to the next worker, until the
// last worker closes its listener (which closes the real one).
func (sl *sharedListener) acceptLoop() {
	for {
		c, err := sl.real.Accept()
		if err != nil {
			sl.mu.Lock()
			subs := append([]*subListener(nil), sl.subs...)
			sl.mu.Unlock()
			for _, s := range subs {
				s.Close()
			}
			return
		}
		sl.handOut(c)
	}
}

// handOut gives c to the next worker that takes it; a worker closing
// meanwhile passes it on. With no worker left, c is closed.
func (sl *sharedListener) handOut(c net.Conn) {
	for {
		sl.mu.Lock()
		if len(sl.subs) == 0 {
			sl.mu.Unlock()
			_ = c.Close()
			return
		}
		s := sl.subs[sl.next%len(sl.subs)]
		sl.next++
		sl.mu.Unlock()
		select {
		case s.conns <- c:
			return
		case <-s.done:
		}
	}
}

func (s *subListener) Accept() (net.Conn, error) {
	select {
	case c := <-s.conns:
		return c, nil
	case <-s.done:
		return nil, fmt.Errorf("cluster listener: %w", net.ErrClosed)
	}
}

// Close leaves the shared listener; the last to leave closes the real one.
func (s *subListener) Close() error {
	s.closed.Do(func() {
		close(s.done)
		sl := s.sl
		sl.own.mu.Lock()
		defer sl.own.mu.Unlock()
		sl.mu.Lock()
		for i, x := range sl.subs {
			if x == s {
				sl.subs = append(sl.subs[:i:i], sl.subs[i+1:]...)
				break
			}
		}
		last := len(sl.subs) == 0
		sl.mu.Unlock()
		if last {
			if sl.own.m[sl.key] == sl {
				delete(sl.own.m, sl.key)
			}
			_ = sl.real.Close()
		}
	})
	return nil
}

func (s *subListener) Addr() net.Addr { return s.sl.real.Addr() }
