// Command ebbnode-native is the native runtime of ebbnode images: the Go
// program, linked with the kernel into a PVH image by `make` (host/image
// Link), that `ebbnode build` attaches an app bundle to.
//
// At boot it finds the bundle in its own image (kernel.Payload), opens the
// virtio-serial port that `ebbnode run` attaches (a flow-controlled
// virtserialport, port 1: PCI on q35, virtio-mmio on microvm),
// performs the Messenger handshake, asks the host for the script's
// arguments, environment (whose TZ sets the local time zone) and working
// directory, and runs the bundle's entry script with jsrt on an Ebb runtime whose system Ebbs are the
// Messenger client (runtime.MessengerId) and the file system
// (runtime.FileSystemId): module sources come from the bundle, standard
// streams and every other file from the host (vfs.Overlay of the bundle
// over the messenger.Client), except /tmp, which is in memory (vfs.MemFS,
// bounded) unless the host grants a directory there. The network Ebb (runtime.NetworkId) is
// gVisor's stack (netstack/native) over the virtio-net device when there
// is one, loopback alone otherwise. The script's exit status goes back over the
// Messenger and, through exit_group, to QEMU's isa-debug-exit.
//
// Anything that stops it before the script runs is one line on the serial
// console (which `ebbnode run` shows when the guest exits without a
// Messenger exit) and exit status 70 (EX_SOFTWARE).
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"path"
	goruntime "runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ebbnode/ebbnode/jsrt"
	"github.com/ebbnode/ebbnode/jsrt/bundle"
	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
	"github.com/ebbnode/ebbnode/netstack"
	"github.com/ebbnode/ebbnode/netstack/native"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/messenger"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// exitSoftware is the status when the runtime itself cannot start.
const exitSoftware = 70

// consoleVector is the interrupt vector of the Messenger's virtio console.
const consoleVector = kernel.FirstDeviceVector + 1

// netVector is the interrupt vector of the virtio-net device.
const netVector = kernel.FirstDeviceVector + 2

// execPath is process.execPath and process.argv[0] inside the image.
const execPath = "/ebbnode"

func main() {
	os.Exit(run())
}

func run() int {
	kernel.BootMark("main (Go init done)")
	sizeHeap(kernel.ReadCounters().FreeBytes)
	// No collections until 100 ms into the script: setting up the system
	// Ebbs and the JavaScript runtime allocates a few MiB that mostly
	// stay live, and under TCG the cycles it would cost are a fifth of
	// the time to first output. Turning the collector back on starts a
	// cycle at once (the heap is past the initial goal), so it waits
	// until a short script has printed, or ended. GOMEMLIMIT (from the
	// kernel) still bounds the heap meanwhile.
	gogc := debug.SetGCPercent(-1)
	fail := func(format string, a ...any) int {
		fmt.Fprintf(os.Stderr, "ebbnode-native: "+format+"\n", a...)
		return exitSoftware
	}
	payload := kernel.Payload()
	if payload == nil {
		return fail("the image carries no app bundle (make images with 'ebbnode build app.js')")
	}
	b, err := bundle.Read(bytes.NewReader(payload), int64(len(payload)))
	if err != nil {
		return fail("app bundle: %v", err)
	}
	kernel.BootMark("bundle read")
	con, err := virtio.OpenConsoleAuto(consoleVector)
	if err != nil {
		return fail("messenger channel (boot with 'ebbnode run', which attaches it): %v", err)
	}
	c, err := messenger.NewClient(con)
	if err != nil {
		return fail("messenger: %v", err)
	}
	kernel.BootMark("messenger handshake done")
	args, env, err := c.Args()
	if err != nil {
		return fail("messenger: %v", err)
	}
	setLocalZone(env)
	cwd, err := c.Cwd()
	if err != nil {
		return fail("messenger: %v", err)
	}
	if cwd == "" {
		cwd = b.Root
	}
	profPath, err := c.CPUProfile()
	if err != nil {
		return fail("messenger: %v", err)
	}
	ebb, st, err := systemEbbs(c, b)
	if err != nil {
		return fail("%v", err)
	}
	defer ebb.Stop()
	kernel.BootMark("system Ebbs up")
	// The CPU profile (ebbnode run --cpuprofile) covers the JavaScript
	// runtime's set-up and the script; the kernel's SIGPROF drives it, and
	// it goes to the host as one file write at the end.
	var prof bytes.Buffer
	if profPath != "" {
		if err := pprof.StartCPUProfile(&prof); err != nil {
			return fail("cpu profile: %v", err)
		}
	}
	report := resourceReporter(env, st, c.Stderr())
	report("before the script")
	code, err := jsrt.Run(jsrt.Options{
		Script:   path.Join(b.Root, b.Entry),
		Args:     args,
		Env:      env,
		Stdin:    c.Stdin(),
		Stdout:   &firstWrite{w: c.Stdout()},
		Stderr:   c.Stderr(),
		Runtime:  ebb,
		Cwd:      cwd,
		ExecPath: execPath,
		Ready: func() {
			kernel.BootMark("jsrt set up")
			time.AfterFunc(100*time.Millisecond, func() { debug.SetGCPercent(gogc) })
		},
	})
	if err != nil {
		// As node and `ebbnode exec`: one line naming the script.
		fmt.Fprintf(c.Stderr(), "Error: %v\n", err)
		code = 1
	}
	report("after the script")
	if profPath != "" {
		pprof.StopCPUProfile()
		if err := c.WriteFile(profPath, prof.Bytes(), false, 0o644); err != nil {
			fmt.Fprintf(c.Stderr(), "ebbnode: cpu profile: %v\n", err)
		}
	}
	if err := c.Exit(code); err != nil {
		fmt.Fprintf(os.Stderr, "ebbnode-native: messenger exit: %v\n", err)
	}
	return code
}

// systemEbbs starts the image's one-core Ebb runtime, pinned to vCPU 0,
// with its system Ebbs: the Messenger client, and the file system (the
// bundle over the client).
func systemEbbs(c *messenger.Client, b *bundle.Bundle) (*ebbrt.Runtime, *lazyStack, error) {
	ebb := ebbrt.New(ebbrt.Config{Cores: 1, Pin: true})
	if err := messenger.Install(ebb, c); err != nil {
		ebb.Stop()
		return nil, nil, err
	}
	fsys, err := withTmp(vfs.NewOverlay(b.FS(), b.Root, c), c, b.Root)
	if err != nil {
		ebb.Stop()
		return nil, nil, err
	}
	if err := vfs.Install(ebb, fsys); err != nil {
		ebb.Stop()
		return nil, nil, err
	}
	kernel.BootMark("file system Ebb up")
	st, err := installNetwork(ebb, c.Stderr())
	if err != nil {
		ebb.Stop()
		return nil, nil, err
	}
	return ebb, st, nil
}

// installNetwork makes gVisor's stack the network Ebb: over the virtio-net
// device when the machine has one (addressed as the kernel command line's
// ebbnode.ip= says, else as QEMU user networking expects),
// else loopback alone. The stack and the device come up on the script's
// first network call, not at boot: under TCG they cost a quarter of the
// time to first output, which a script that never touches the network
// should not pay. A device that cannot be brought up (its rings need DMA
// memory a very small VM may not have) costs the script its outside
// network, not its run: one line on stderr says so.
func installNetwork(ebb *ebbrt.Runtime, stderr io.Writer) (*lazyStack, error) {
	l := &lazyStack{open: func() (*native.Stack, error) {
		var dev native.Device
		if virtio.HasNet() {
			n, err := virtio.OpenNetAuto(netVector)
			if err != nil {
				fmt.Fprintf(stderr, "ebbnode-native: network device: %v; only loopback is up\n", err)
			} else {
				dev = n
			}
		}
		return native.New(dev, netConfig(stderr))
	}}
	return l, netstack.Install(ebb, l)
}

// lazyStack is a netstack.Stack opened on first use.
type lazyStack struct {
	open func() (*native.Stack, error)
	once sync.Once
	s    *native.Stack
	err  error
}

func (l *lazyStack) get() (netstack.Stack, error) {
	l.once.Do(func() {
		l.s, l.err = l.open()
		if l.err == nil {
			kernel.BootMark("network up (first use)")
		}
	})
	return l.s, l.err
}

func (l *lazyStack) Listen(ctx context.Context, network, address string) (net.Listener, error) {
	s, err := l.get()
	if err != nil {
		return nil, err
	}
	return s.Listen(ctx, network, address)
}

func (l *lazyStack) Dial(ctx context.Context, network, address string) (net.Conn, error) {
	s, err := l.get()
	if err != nil {
		return nil, err
	}
	return s.Dial(ctx, network, address)
}

func (l *lazyStack) ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error) {
	s, err := l.get()
	if err != nil {
		return nil, err
	}
	return s.ListenPacket(ctx, network, address)
}

func (l *lazyStack) LookupIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	s, err := l.get()
	if err != nil {
		return nil, err
	}
	return s.LookupIP(ctx, network, host)
}

func (l *lazyStack) Interfaces() ([]netstack.Interface, error) {
	s, err := l.get()
	if err != nil {
		return nil, err
	}
	return s.Interfaces()
}

// firstWrite passes writes to w and marks the first as a boot stage
// (ebbnode.debug=boot: the time to first output).
type firstWrite struct {
	w    io.Writer
	once sync.Once
}

func (f *firstWrite) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	f.once.Do(func() { kernel.BootMark("first write to stdout") })
	return n, err
}

// tmpDir is os.tmpdir() in an image.
const tmpDir = "/tmp"

// withTmp puts an in-memory file system at /tmp over fsys, so a script
// has scratch files with no grant (os.tmpdir(), fs.mkdtemp). Host
// directories granted at or under /tmp stay the host's; a grant of /tmp
// itself or of a parent leaves no room for it. Its files may hold a
// quarter of the Go heap's limit (GOMEMLIMIT, from the machine's RAM).
// The bundle's root (where the app's modules are, root) counts as a grant:
// an app built under /tmp still finds its own files.
func withTmp(fsys vfs.FS, c *messenger.Client, root string) (vfs.FS, error) {
	mounts, err := c.Mounts()
	if err != nil {
		return nil, err
	}
	var keep []string
	for _, g := range append(mounts, root) {
		switch {
		case g == "/" || g == tmpDir || strings.HasPrefix(tmpDir, g+"/"):
			return fsys, nil
		case strings.HasPrefix(g, tmpDir+"/"):
			keep = append(keep, g)
		}
	}
	limit := debug.SetMemoryLimit(-1) / 4
	if limit <= 0 || limit > 1<<40 {
		limit = 64 << 20
	}
	return vfs.NewMount(fsys, tmpDir, vfs.NewMemFS(tmpDir, limit), keep), nil
}

// gcPercent is the image's GOGC. The image owns its VM's memory, so the
// heap may grow to several times what is live between collections (Go's
// default, 100, suits a process sharing its machine): under TCG a
// collection is costly, and the HTTP benchmark's JS server answered 1.5
// to 2 times as many requests/s at 400 (8 connections, 400 requests,
// interleaved runs at load average 28).
const gcPercent = 400

// sizeHeap sets the collector for a machine of which free bytes are
// left: GOGC gcPercent, capped by a soft memory limit at three quarters
// of them, so a heap that grows toward the VM's RAM is collected more
// often instead of running out.
func sizeHeap(free uint64) {
	debug.SetGCPercent(gcPercent)
	if free > 0 {
		debug.SetMemoryLimit(int64(free / 4 * 3))
	}
}

// netConfig is the stack's configuration: the kernel command line's
// ebbnode.ip= (`ebbnode run --ip`), else QEMU user networking's. A
// malformed one (`ebbnode run` checks the flag, so only a hand-made
// command line has one) is said on stderr and the default used.
func netConfig(stderr io.Writer) native.Config {
	c, ok, err := netstack.IPConfigFromCmdline(kernel.Cmdline())
	if err != nil {
		fmt.Fprintf(stderr, "ebbnode-native: %v; using %s\n", err, native.Default.Addr)
	}
	if !ok || err != nil {
		return native.Config{}
	}
	return native.FromIPConfig(c)
}

// resourceReporter returns the function that, when the script's
// environment has EBBNODE_DEBUG=resources, writes one line to its stderr
// with the goroutines and the stack's endpoints (the image's sockets, with
// their states): the load test compares them before and after the script.
// Connections the script has just closed get a moment to finish (their
// goroutines to end, their last segments to be acknowledged).
func resourceReporter(env []string, st *lazyStack, stderr io.Writer) func(when string) {
	if !slices.Contains(env, "EBBNODE_DEBUG=resources") {
		return func(string) {}
	}
	return func(when string) {
		ns, err := st.get()
		if err != nil {
			fmt.Fprintf(stderr, "ebbnode-native: resources %s: %v\n", when, err)
			return
		}
		g, eps := settled(ns.(*native.Stack))
		fmt.Fprintf(stderr, "ebbnode-native: resources %s: goroutines %d endpoints %d %q\n", when, g, len(eps), eps)
	}
}

// settled counts goroutines and endpoints once neither count has fallen
// for half a second (for at most three seconds).
func settled(st *native.Stack) (int, []string) {
	g, eps := goruntime.NumGoroutine(), st.Endpoints()
	for i, still := 0, 0; i < 60 && still < 10; i++ {
		time.Sleep(50 * time.Millisecond)
		g2, eps2 := goruntime.NumGoroutine(), st.Endpoints()
		if g2 < g || len(eps2) < len(eps) {
			still = 0
		} else {
			still++
		}
		g, eps = g2, eps2
	}
	return g, eps
}
