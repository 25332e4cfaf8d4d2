package jsrt

import (
	"sync/atomic"

	"github.com/dop251/goja"
)

// BroadcastChannel: every channel of a name, in every vm of a Run, gets
// what any other posts (the hub keeps them by name).

// bchan is one BroadcastChannel object.
type bchan struct {
	hub     *hub
	name    string
	owner   *vm
	obj     *goja.Object
	refd    bool
	release func()
	closed  atomic.Bool
}

func (v *vm) broadcastOpen(name string, obj *goja.Object) *bchan {
	c := &bchan{hub: v.hub, name: name, owner: v, obj: obj, refd: true}
	v.hub.mu.Lock()
	v.hub.mu.broadcast[name] = append(v.hub.mu.broadcast[name], c)
	v.hub.mu.Unlock()
	v.bchans = append(v.bchans, c)
	c.updateHold()
	return c
}

func (c *bchan) updateHold() {
	want := c.refd && !c.closed.Load()
	switch {
	case want && c.release == nil:
		c.release = c.owner.hold()
	case !want && c.release != nil:
		c.release()
		c.release = nil
	}
}

// post delivers m to every other open channel of the name, in the order
// they were opened.
func (c *bchan) post(m *message) {
	c.hub.mu.Lock()
	peers := append([]*bchan(nil), c.hub.mu.broadcast[c.name]...)
	c.hub.mu.Unlock()
	for _, p := range peers {
		if p == c {
			continue
		}
		o := p.owner
		o.postLoop(func() {
			if p.closed.Load() {
				return
			}
			tape, bufs, _ := o.unpack(m)
			o.wtCall("broadcastMessage", p.obj, tape, bufs)
		})
	}
}

func (c *bchan) close() {
	if c.closed.Swap(true) {
		return
	}
	c.hub.mu.Lock()
	list := c.hub.mu.broadcast[c.name]
	for i, x := range list {
		if x == c {
			c.hub.mu.broadcast[c.name] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	c.hub.mu.Unlock()
	c.updateHold()
}
