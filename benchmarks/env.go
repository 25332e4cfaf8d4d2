package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/benchmarks/octane"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// env is what the configurations share during one Run: the suite script,
// the ebbnode binary, the Linux VM's kernel and initramfs.
type env struct {
	opts Options
	work string // temporary directory, removed after the run
	log  io.Writer

	suiteDir string
	script   string // the assembled suite script on the host
	source   []byte // its text, for the initramfs

	ebbOnce sync.Once
	ebbnode string // static ebbnode binary
	ebbErr  error

	vm       launch.VM // VMSettings with the accelerator resolved
	accelWhy string    // why that accelerator
	kernel   string
	kernPkg  string
	vminit   []byte
	initrds  map[string]string // mode → initramfs path

	image string // the suite as a native app image (configuration c)
}

// newEnv installs (if needed) and assembles the suite.
func newEnv(ctx context.Context, o Options) (*env, error) {
	work, err := os.MkdirTemp("", "ebbnode-bench-")
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	e := &env{opts: o, work: work, log: o.Log, initrds: map[string]string{}}
	if e.log == nil {
		e.log = io.Discard
	}
	cache := o.OctaneCache
	if cache == "" {
		if cache, err = octane.DefaultCacheDir(); err != nil {
			return e, err
		}
	}
	if e.suiteDir, err = octane.Locate(ctx, cache); err != nil {
		return e, err
	}
	modes := map[string]octane.Rules{}
	for name, r := range Modes {
		r.Suites = o.Suites
		modes[name] = r
	}
	if e.source, err = octane.Script(e.suiteDir, modes, "quick"); err != nil {
		return e, err
	}
	e.script = filepath.Join(work, "bench.js")
	if err := os.WriteFile(e.script, e.source, 0o644); err != nil {
		return e, fmt.Errorf("benchmarks: %w", err)
	}
	e.vm = VMSettings
	accel, notice, err := qemu.ResolveAccel(e.vm.Accel, qemu.DefaultHost)
	if err != nil {
		return e, fmt.Errorf("benchmarks: %w", err)
	}
	e.vm.Accel, e.accelWhy = accel, notice
	if notice == "" {
		e.accelWhy = "ebbnode: using " + accel
	}
	return e, nil
}

func (e *env) close() { os.RemoveAll(e.work) }

// timeout bounds one run of the suite in mode (a VM run includes its boot).
func (e *env) timeout(mode string) time.Duration {
	if e.opts.RunTimeout > 0 {
		return e.opts.RunTimeout
	}
	switch mode {
	case "quick":
		return 30 * time.Minute
	default:
		return 3 * time.Hour
	}
}

// ebbnodeBinary returns the static ebbnode that (b) and (d) run (c builds
// its runtime from the same tree, or finds it beside this binary):
// Options.Ebbnode if given, else one built from the source tree around the
// working directory.
func (e *env) ebbnodeBinary(ctx context.Context) (string, error) {
	e.ebbOnce.Do(func() {
		if e.opts.Ebbnode != "" {
			e.ebbnode = e.opts.Ebbnode
			return
		}
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			e.ebbErr = fmt.Errorf("no ebbnode binary given and %w", err)
			return
		}
		e.ebbnode = filepath.Join(e.work, "ebbnode")
		e.ebbErr = linuxvm.BuildStatic(ctx, root, "./cmd/ebbnode", e.ebbnode)
	})
	return e.ebbnode, e.ebbErr
}

// linuxVM fetches the kernel and builds vminit for configuration d.
func (e *env) linuxVM(ctx context.Context) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	if err := linuxvm.CheckStatic(bin); err != nil {
		return err
	}
	cache := e.opts.LinuxCache
	if cache == "" {
		if cache, err = linuxvm.DefaultCacheDir(); err != nil {
			return err
		}
	}
	if e.kernel, e.kernPkg, err = linuxvm.Kernel(ctx, cache); err != nil {
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

// initrd returns the initramfs that runs the suite in mode: vminit as
// /init, the static ebbnode, the suite script and the command line.
func (e *env) initrd(mode string) (string, error) {
	if p, ok := e.initrds[mode]; ok {
		return p, nil
	}
	bin, err := os.ReadFile(e.ebbnode)
	if err != nil {
		return "", fmt.Errorf("benchmarks: %w", err)
	}
	var b bytes.Buffer
	err = linuxvm.WriteInitramfs(&b, []linuxvm.File{
		{Name: "/init", Mode: 0o755, Data: e.vminit},
		{Name: "/ebbnode", Mode: 0o755, Data: bin},
		{Name: "/suite/bench.js", Mode: 0o644, Data: e.source},
		{Name: "/suite/cmdline", Mode: 0o644, Data: []byte("/ebbnode exec /suite/bench.js " + mode + "\n")},
	})
	if err != nil {
		return "", err
	}
	p := filepath.Join(e.work, "initrd-"+mode+".gz")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		return "", fmt.Errorf("benchmarks: %w", err)
	}
	e.initrds[mode] = p
	return p, nil
}
