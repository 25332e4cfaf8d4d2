package benchmarks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// The Linux VM's HTTP configurations (d: the JS server under `ebbnode
// exec`; dg: the Go net/http server) boot Debian's kernel with vminit on
// VMSettings and the network c gets (httpNet): vminit loads the
// virtio-net modules (linuxvm.NetModules, from the kernel's own package)
// and gives eth0 QEMU user networking's guest address, 10.0.2.15/24.

// guestNet is vminit's /suite/net under user networking; the tap rows
// use tapGuestAddr.
const guestNet = "eth0 10.0.2.15/24\n"

// prepareLinuxVMBase fetches the kernel and its network modules and
// builds vminit, once per session.
func (e *httpEnv) prepareLinuxVMBase(ctx context.Context) error {
	e.lvmOnce.Do(func() {
		e.lvmErr = e.fetchLinuxVM(ctx)
	})
	return e.lvmErr
}

func (e *httpEnv) fetchLinuxVM(ctx context.Context) error {
	cache, err := linuxvm.DefaultCacheDir()
	if err != nil {
		return err
	}
	if e.kernel, e.kernPkg, err = linuxvm.Kernel(ctx, cache); err != nil {
		return err
	}
	if e.modules, err = linuxvm.Modules(ctx, cache, e.kernPkg, linuxvm.NetModules); err != nil {
		return err
	}
	root, err := linuxvm.ModuleRoot(".")
	if err != nil {
		return fmt.Errorf("building vminit: %w", err)
	}
	path := filepath.Join(e.work, "vminit")
	if err := linuxvm.BuildStatic(ctx, root, "./benchmarks/linuxvm/vminit", path); err != nil {
		return err
	}
	e.vminit, err = os.ReadFile(path)
	return err
}

// linuxVMInitrd writes an initramfs with vminit, the network modules and
// setup, files, and the command line; it returns its path.
func (e *httpEnv) linuxVMInitrd(name, guestNet string, files []linuxvm.File, cmdline string) (string, error) {
	all := []linuxvm.File{
		{Name: "/init", Mode: 0o755, Data: e.vminit},
		{Name: "/suite/net", Mode: 0o644, Data: []byte(guestNet)},
		{Name: "/suite/cmdline", Mode: 0o644, Data: []byte(cmdline + "\n")},
	}
	var list []byte
	for i, m := range e.modules {
		data, err := os.ReadFile(m)
		if err != nil {
			return "", fmt.Errorf("benchmarks: %w", err)
		}
		p := "/modules/" + linuxvm.NetModules[i] + ".ko"
		all = append(all, linuxvm.File{Name: p, Mode: 0o644, Data: data})
		list = append(list, p+"\n"...)
	}
	all = append(all, linuxvm.File{Name: "/suite/modules", Mode: 0o644, Data: list})
	f, err := os.Create(filepath.Join(e.work, name))
	if err != nil {
		return "", fmt.Errorf("benchmarks: %w", err)
	}
	defer f.Close()
	if err := linuxvm.WriteInitramfs(f, append(all, files...)); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

func prepareLinuxVMHTTP(ctx context.Context, e *httpEnv) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	if err := linuxvm.CheckStatic(bin); err != nil {
		return err
	}
	if err := e.prepareLinuxVMBase(ctx); err != nil {
		return err
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	files := []linuxvm.File{
		{Name: "/ebbnode", Mode: 0o755, Data: data},
		{Name: "/suite/server.js", Mode: 0o644, Data: HTTPServerScript},
	}
	cmdline := "/ebbnode exec /suite/server.js " + strconv.Itoa(HTTPGuestPort) + " 0.0.0.0"
	if e.initrdJS, err = e.linuxVMInitrd("initrd-http.gz", guestNet, files, cmdline); err != nil {
		return err
	}
	e.initrdJSTap, err = e.linuxVMInitrd("initrd-http-tap.gz", "eth0 "+tapGuestAddr+"\n", files, cmdline)
	return err
}

func prepareGoLinuxVMHTTP(ctx context.Context, e *httpEnv) error {
	if err := e.prepareLinuxVMBase(ctx); err != nil {
		return err
	}
	data, err := staticProgram(ctx, e.work, "./benchmarks/http/goserver", "the Go server")
	if err != nil {
		return err
	}
	files := []linuxvm.File{{Name: "/goserver", Mode: 0o755, Data: data}}
	cmdline := "/goserver " + strconv.Itoa(HTTPGuestPort)
	if e.initrdGo, err = e.linuxVMInitrd("initrd-goserver.gz", guestNet, files, cmdline); err != nil {
		return err
	}
	e.initrdGoTap, err = e.linuxVMInitrd("initrd-goserver-tap.gz", "eth0 "+tapGuestAddr+"\n", files, cmdline)
	return err
}

func startLinuxVMHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startLinuxVM(ctx, e.initrdJS)
}

func startGoLinuxVMHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startLinuxVM(ctx, e.initrdGo)
}

// prepareTap creates the tap rows' network namespace, once per session.
func (e *httpEnv) prepareTap(ctx context.Context) error {
	e.nsOnce.Do(func() { e.ns, e.nsErr = newNetNS(ctx) })
	return e.nsErr
}

func prepareLinuxVMTapHTTP(ctx context.Context, e *httpEnv) error {
	if err := e.prepareTap(ctx); err != nil {
		return err
	}
	return prepareLinuxVMHTTP(ctx, e)
}

func prepareGoLinuxVMTapHTTP(ctx context.Context, e *httpEnv) error {
	if err := e.prepareTap(ctx); err != nil {
		return err
	}
	return prepareGoLinuxVMHTTP(ctx, e)
}

func startLinuxVMTapHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startLinuxVMTap(ctx, e.initrdJSTap)
}

func startGoLinuxVMTapHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startLinuxVMTap(ctx, e.initrdGoTap)
}

// startLinuxVMTap boots the Linux VM inside the namespace on its tap
// device; the server is reached at the guest's address from there.
func (e *httpEnv) startLinuxVMTap(ctx context.Context, initrd string) (*httpServer, error) {
	s := &httpServer{url: "http://" + tapGuestIP + ":" + strconv.Itoa(HTTPGuestPort) + "/", done: make(chan struct{}), out: &syncBuffer{}, dial: e.ns.DialContext}
	c := e.vm.QEMU(e.kernel)
	c.ExtraArgs = append(c.ExtraArgs, qemu.Net{Mode: qemu.NetTap, Tap: tapName}.Args(c.Machine)...)
	c.Netns = e.ns.name
	return e.bootLinuxVM(ctx, s, c, initrd), nil
}

// startLinuxVM boots the Linux VM with initrd and a forward from a free
// loopback port to the guest's HTTPGuestPort. Its console is the
// server's output; a command that ends (the server failed) ends the VM.
func (e *httpEnv) startLinuxVM(ctx context.Context, initrd string) (*httpServer, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	s := &httpServer{url: loopbackURL(port), done: make(chan struct{}), out: &syncBuffer{}}
	c := e.vm.QEMU(e.kernel)
	c.ExtraArgs = append(c.ExtraArgs, httpNet(port).Args(c.Machine)...)
	return e.bootLinuxVM(ctx, s, c, initrd), nil
}

// bootLinuxVM boots c with initrd in the background as s's server.
func (e *httpEnv) bootLinuxVM(ctx context.Context, s *httpServer, c qemu.Config, initrd string) *httpServer {
	c.Timeout = e.runTimeout()
	c.Console, c.Log = s.out, s.out
	runCtx, cancel := context.WithCancel(ctx)
	go func() {
		_, s.err = linuxvm.Boot(runCtx, c, e.kernel, initrd)
		close(s.done)
	}()
	s.stop = func() { cancel(); <-s.done }
	return s
}

// staticProgram builds the module's package pkg as a static Linux
// program in work (for the Linux VM's initramfs) and returns its bytes;
// what names it in errors.
func staticProgram(ctx context.Context, work, pkg, what string) ([]byte, error) {
	root, err := linuxvm.ModuleRoot(".")
	if err != nil {
		return nil, fmt.Errorf("building %s: %w", what, err)
	}
	path := filepath.Join(work, filepath.Base(pkg))
	if err := linuxvm.BuildStatic(ctx, root, pkg, path); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	return data, nil
}
