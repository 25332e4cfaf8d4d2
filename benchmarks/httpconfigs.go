package benchmarks

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// HTTPGuestPort is the port the server listens on inside a VM; the host
// reaches it through a -p forward from a free loopback port.
const HTTPGuestPort = 8080

// HTTPConfig is one way of running the benchmark's server.
type HTTPConfig struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Title string `json:"title"`
	VM    bool   `json:"vm"`

	// prepare readies the configuration or says why it is unavailable.
	prepare func(ctx context.Context, e *httpEnv) error
	// start starts one server and returns at once; the caller waits
	// for it to answer.
	start func(ctx context.Context, e *httpEnv) (*httpServer, error)
}

// HTTPConfigs are the HTTP benchmark's configurations, in table order:
// the same keys as the V8 suite's.
var HTTPConfigs = []HTTPConfig{
	{Key: "a", Name: "node", Title: "stock node on the host",
		prepare: func(context.Context, *httpEnv) error { return nodeAvailable() }, start: startNodeHTTP},
	{Key: "b", Name: "ebbnode exec", Title: "ebbnode hosted (goja) on the host",
		prepare: prepareHostedHTTP, start: startHostedHTTP},
	{Key: "c", Name: "ebbnode native", Title: "ebbnode native image under QEMU, reached through -p (user networking)", VM: true,
		prepare: prepareNativeHTTP, start: startNativeHTTP},
	{Key: "d", Name: "Linux VM", Title: "ebbnode exec in a Debian Linux VM under QEMU, same machine and netdev as c", VM: true,
		prepare: prepareLinuxVMHTTP, start: startLinuxVMHTTP},
	{Key: "cg", Name: "Go native", Title: "the same server as a Go net/http program, native image under QEMU", VM: true,
		prepare: prepareGoNativeHTTP, start: startGoNativeHTTP},
	{Key: "dg", Name: "Go Linux VM", Title: "the Go net/http server in the Linux VM, same machine and netdev as c", VM: true,
		prepare: prepareGoLinuxVMHTTP, start: startGoLinuxVMHTTP},
	// Tap rows: the VM on a tap device in a private network namespace
	// the session creates and removes, the load sent from inside it.
	{Key: "ct", Name: "ebbnode native tap", Title: "c on a tap device in a private network namespace (--ip 10.0.3.2/24)", VM: true,
		prepare: prepareNativeTapHTTP, start: startNativeTapHTTP},
	{Key: "dt", Name: "Linux VM tap", Title: "d on a tap device in a private network namespace", VM: true,
		prepare: prepareLinuxVMTapHTTP, start: startLinuxVMTapHTTP},
	{Key: "cgt", Name: "Go native tap", Title: "cg on a tap device in a private network namespace", VM: true,
		prepare: prepareGoNativeTapHTTP, start: startGoNativeTapHTTP},
	{Key: "dgt", Name: "Go Linux VM tap", Title: "dg on a tap device in a private network namespace", VM: true,
		prepare: prepareGoLinuxVMTapHTTP, start: startGoLinuxVMTapHTTP},
}

func startNodeHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	return startProcess(ctx, port, "node", e.script, strconv.Itoa(port), "127.0.0.1")
}

func prepareHostedHTTP(ctx context.Context, e *httpEnv) error {
	_, err := e.ebbnodeBinary(ctx)
	return err
}

// startHostedHTTP runs the server under `ebbnode exec`. An ebbnode whose
// runtime has no http module ends at once with node's "Cannot find
// module" error, which makes the configuration unavailable (see
// waitReady), quoted as the reason.
func startHostedHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	return startProcess(ctx, port, e.ebbnode, "exec", e.script, strconv.Itoa(port), "127.0.0.1")
}

// prepareNativeHTTP builds the server script into an app image, on the
// native runtime linked from the source tree (or the one beside
// --ebbnode), as the V8 suite's configuration c does.
func prepareNativeHTTP(ctx context.Context, e *httpEnv) error {
	var rt string
	if e.opts.Ebbnode == "" {
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
		rt = filepath.Join(e.work, image.RuntimeName)
		fmt.Fprintln(e.log, "c: linking the native runtime (cmd/ebbnode-native)")
		if err := image.Link(ctx, image.LinkOptions{Pkg: "./cmd/ebbnode-native", Out: rt, Dir: root}); err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
	} else {
		var err error
		if rt, err = image.FindRuntime(e.opts.Ebbnode); err != nil {
			return err
		}
	}
	img := filepath.Join(e.work, "http.img")
	if _, err := launch.BuildApp(rt, e.script, nil, img); err != nil {
		return fmt.Errorf("building the server image: %w", err)
	}
	e.image = img
	return nil
}

// httpNet is the network both VM configurations get: QEMU user
// networking with the host's port forwarded to HTTPGuestPort, as
// `ebbnode run -p PORT:8080` gives it.
func httpNet(hostPort int) qemu.Net {
	return qemu.Net{Mode: qemu.NetUser, Forwards: []qemu.Forward{
		{Proto: "tcp", HostIP: "127.0.0.1", HostPort: hostPort, GuestPort: HTTPGuestPort},
	}}
}

// startNativeHTTP boots the server image with a forward from a free
// loopback port. A guest that ends before answering (a runtime without
// http or without a network stack stops with its error) makes the
// configuration unavailable.
func startNativeHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	vm := e.vm
	vm.Net = httpNet(port)
	return e.bootNative(ctx, loopbackURL(port), vm, e.image, true), nil
}

// bootNative boots image (an app image when app, else raw: its console
// is the server's output) on vm in the background as the server at url.
func (e *httpEnv) bootNative(ctx context.Context, url string, vm launch.VM, image string, app bool) *httpServer {
	s := &httpServer{url: url, done: make(chan struct{}), out: &syncBuffer{}}
	vm.Timeout = e.runTimeout()
	vm.Log = s.out
	run := launch.Run{VM: vm, Image: image}
	if app {
		run.App = &offload.Config{
			Args:   []string{strconv.Itoa(HTTPGuestPort), "0.0.0.0"},
			Cwd:    filepath.ToSlash(e.work),
			Stdout: s.out,
			Stderr: s.out,
			Mounts: []offload.Mount{{Host: e.work, Guest: filepath.ToSlash(e.work)}},
		}
	} else {
		run.VM.Console = s.out
	}
	runCtx, cancel := context.WithCancel(ctx)
	go func() {
		out := launch.Boot(runCtx, run)
		out.Report(s.out)
		s.err = out.Err()
		close(s.done)
	}()
	s.stop = func() { cancel(); <-s.done }
	return s
}

// nodeAvailable reports whether node is installed.
func nodeAvailable() error {
	if _, err := exec.LookPath("node"); err != nil {
		return fmt.Errorf("node is not installed: %w", err)
	}
	return nil
}
