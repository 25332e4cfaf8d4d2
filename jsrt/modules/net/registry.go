package net

import (
	"io"
	"sync"
)

// registry holds a runtime's open listeners and connections, so that the
// embedder can close them all when the script ends: their goroutines end
// and their ports are free again even if the script never closed them.
type registry struct {
	mu     sync.Mutex
	open   map[io.Closer]struct{}
	closed bool
}

// add records c; false means the runtime has ended, and c was closed.
func (r *registry) add(c io.Closer) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		_ = c.Close()
		return false
	}
	if r.open == nil {
		r.open = map[io.Closer]struct{}{}
	}
	r.open[c] = struct{}{}
	return true
}

func (r *registry) remove(c io.Closer) {
	r.mu.Lock()
	delete(r.open, c)
	r.mu.Unlock()
}

// closeAll closes everything still open; later adds close at once.
func (r *registry) closeAll() {
	r.mu.Lock()
	open := r.open
	r.open = nil
	r.closed = true
	r.mu.Unlock()
	for c := range open {
		_ = c.Close()
	}
}
