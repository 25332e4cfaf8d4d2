package benchmarks

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// VMSettings is the one machine both VM configurations boot: the native
// ebbnode image (c) and the Linux VM (d) must differ only in the OS, so
// neither may set its own machine, memory, CPU count or accelerator.
var VMSettings = launch.VM{
	Machine:   qemu.MachineQ35,
	MemoryMiB: 1024,
	CPUs:      1,
	Accel:     qemu.AccelAuto, // KVM where usable, else TCG (host/qemu decides)
}

// Config is one way of running the suite. The list is data: a new
// configuration is a prepare and a run function.
type Config struct {
	Key   string `json:"key"`   // as given to --configs
	Name  string `json:"name"`  // column title
	Title string `json:"title"` // one line saying what runs where
	// VM configurations boot VMSettings; in full mode they use the reduced
	// VM rules (see Modes).
	VM bool `json:"vm"`

	// prepare readies the configuration, or says why it is not available.
	prepare func(ctx context.Context, e *env) error
	// run runs the suite script once in mode and returns all it printed
	// and, for the native image, the kernel's counters for the run.
	run func(ctx context.Context, e *env, mode string) ([]byte, KernelCounters, error)
}

// Configs are the configurations, in table order.
var Configs = []Config{
	{Key: "a", Name: "node", Title: "stock node on the host",
		prepare: prepareNode, run: runNode},
	{Key: "b", Name: "ebbnode exec", Title: "ebbnode hosted (goja) on the host",
		prepare: prepareHosted, run: runHosted},
	{Key: "c", Name: "ebbnode native", Title: "ebbnode native image under QEMU", VM: true,
		prepare: prepareNative, run: runNative},
	{Key: "d", Name: "Linux VM", Title: "ebbnode hosted in a Debian Linux VM under QEMU", VM: true,
		prepare: prepareLinuxVM, run: runLinuxVM},
}

// Ratios are the columns comparing two configurations: c/d is EbbRT's own
// comparison (same engine, library OS against Linux, same VM); c/b is the
// cost of the VM and our kernel; b/a is the engine's cost against V8.
var Ratios = [][2]string{{"c", "d"}, {"c", "b"}, {"b", "a"}}

func configByKey(key string) (Config, bool) {
	for _, c := range Configs {
		if c.Key == key {
			return c, true
		}
	}
	return Config{}, false
}

func prepareNode(ctx context.Context, e *env) error {
	if _, err := exec.LookPath("node"); err != nil {
		return fmt.Errorf("node is not installed: %w", err)
	}
	return nil
}

func runNode(ctx context.Context, e *env, mode string) ([]byte, KernelCounters, error) {
	out, err := runHost(ctx, e, mode, "node", e.script, mode)
	return out, nil, err
}

func prepareHosted(ctx context.Context, e *env) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	// A one-line script shows whether this ebbnode can exec at all, so a
	// binary without the exec command is "not available", not a failure.
	probe := filepath.Join(e.work, "probe.js")
	if err := os.WriteFile(probe, []byte("console.log('probe ' + (1 + 1));\n"), 0o644); err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, bin, "exec", probe).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "probe 2") {
		return fmt.Errorf("`ebbnode exec` does not run a script (%v): %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func runHosted(ctx context.Context, e *env, mode string) ([]byte, KernelCounters, error) {
	out, err := runHost(ctx, e, mode, e.ebbnode, "exec", e.script, mode)
	return out, nil, err
}

// runHost runs one suite run as a host process, with the mode's timeout.
func runHost(ctx context.Context, e *env, mode string, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout(mode))
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return out, fmt.Errorf("%s: no result within %v", name, e.timeout(mode))
	}
	if err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func prepareLinuxVM(ctx context.Context, e *env) error {
	return e.linuxVM(ctx)
}

func runLinuxVM(ctx context.Context, e *env, mode string) ([]byte, KernelCounters, error) {
	initrd, err := e.initrd(mode)
	if err != nil {
		return nil, nil, err
	}
	vm := e.vm.QEMU(e.kernel)
	vm.Timeout = e.timeout(mode)
	vm.Log = e.log
	res, err := linuxvm.Boot(ctx, vm, e.kernel, initrd)
	return res.Console, nil, err
}
