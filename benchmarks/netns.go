package benchmarks

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
)

// The tap rows: a private network namespace that the harness creates and
// removes, holding a tap device (tapName, tapHostAddr) that QEMU attaches
// the guest to (tapGuestAddr). The load generator dials from a thread in
// that namespace, so the traffic never leaves it.
const (
	tapName      = "ebbtap0"
	tapHostAddr  = "10.0.3.1/24"
	tapGuestIP   = "10.0.3.2"
	tapGuestAddr = tapGuestIP + "/24"
)

// netNS is a network namespace of this session.
type netNS struct {
	name string
	dial chan dialReq // served by a thread inside the namespace
}

type dialReq struct {
	ctx  context.Context
	addr string
	done chan dialResult
}

type dialResult struct {
	c   net.Conn
	err error
}

// newNetNS creates the namespace with its loopback and the tap device up.
func newNetNS(ctx context.Context) (*netNS, error) {
	if os.Geteuid() != 0 {
		return nil, &UnavailableError{Reason: "tap rows need root (a network namespace and a tap device)"}
	}
	n := &netNS{name: fmt.Sprintf("ebbnode-bench-%d", os.Getpid()), dial: make(chan dialReq)}
	steps := [][]string{
		{"netns", "add", n.name},
		{"-n", n.name, "link", "set", "lo", "up"},
		{"-n", n.name, "tuntap", "add", "dev", tapName, "mode", "tap"},
		{"-n", n.name, "addr", "add", tapHostAddr, "dev", tapName},
		{"-n", n.name, "link", "set", tapName, "up"},
	}
	for i, args := range steps {
		if out, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput(); err != nil {
			if i > 0 {
				n.close()
			}
			return nil, fmt.Errorf("ip %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
		}
	}
	started := make(chan error, 1)
	go n.serveDials(started)
	if err := <-started; err != nil {
		n.close()
		return nil, err
	}
	return n, nil
}

// serveDials dials, on a thread moved into the namespace, what DialContext
// asks for. The thread stays locked until the goroutine ends, so the
// runtime discards it instead of reusing it outside the namespace.
func (n *netNS) serveDials(started chan<- error) {
	runtime.LockOSThread()
	f, err := os.Open("/var/run/netns/" + n.name)
	if err == nil {
		const sysSetns = 308 // linux/amd64; package syscall predates setns
		if _, _, errno := syscall.Syscall(sysSetns, f.Fd(), syscall.CLONE_NEWNET, 0); errno != 0 {
			err = fmt.Errorf("setns %s: %w", n.name, errno)
		}
		f.Close()
	}
	started <- err
	if err != nil {
		return
	}
	var d net.Dialer
	for r := range n.dial {
		// The socket is made by this thread, so in the namespace;
		// connect then completes in the netpoller like any other.
		c, err := d.DialContext(r.ctx, "tcp4", r.addr)
		r.done <- dialResult{c, err}
	}
}

// DialContext connects to addr from inside the namespace.
func (n *netNS) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	r := dialReq{ctx: ctx, addr: addr, done: make(chan dialResult, 1)}
	select {
	case n.dial <- r:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	res := <-r.done
	return res.c, res.err
}

// close removes the namespace, and with it the tap device.
func (n *netNS) close() {
	if n.dial != nil {
		close(n.dial)
		n.dial = nil
	}
	_ = exec.Command("ip", "netns", "del", n.name).Run()
}
