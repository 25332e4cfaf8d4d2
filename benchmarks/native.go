package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/offload"
)

// Configuration c runs the suite as `ebbnode build` and `ebbnode run` do,
// through the same package they use (host/launch): the suite script
// becomes one app image, booted once per run on VMSettings (the machine d
// boots too) with the mode as its argument.

// prepareNative builds the suite script into an image. When this run
// builds ebbnode from the source tree it also links the native runtime from
// the same tree, so b, c and d run one engine build; with Options.Ebbnode
// it uses the runtime installed beside that binary (make puts both in
// bin/) or $EBBNODE_RUNTIME.
func prepareNative(ctx context.Context, e *env) error {
	// The ebbnode of this session is recorded with the results.
	if _, err := e.ebbnodeBinary(ctx); err != nil {
		return err
	}
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
	img := filepath.Join(e.work, "bench.img")
	warnings, err := launch.BuildApp(rt, e.script, nil, img)
	for _, w := range warnings {
		fmt.Fprintf(e.log, "c: warning: %v\n", w)
	}
	if err != nil {
		return fmt.Errorf("building the suite image: %w", err)
	}
	e.image = img
	return nil
}

// nativeRun is the boot of one suite run in mode: VMSettings as resolved
// for this session with the mode's time limit, the script's argument, and
// the work directory granted and current, as `ebbnode run` grants its
// working directory. The kernel is asked for its counters at exit
// (KernelCountersArg), on its console.
func nativeRun(e *env, mode string, stdout, stderr, console *bytes.Buffer) launch.Run {
	vm := e.vm
	vm.Timeout = e.timeout(mode)
	vm.Log = stderr
	vm.Append = KernelCountersArg
	vm.Console = console
	return launch.Run{VM: vm, Image: e.image, App: &offload.Config{
		Args:   []string{mode},
		Cwd:    filepath.ToSlash(e.work),
		Stdout: stdout,
		Stderr: stderr,
		Mounts: []offload.Mount{{Host: e.work, Guest: filepath.ToSlash(e.work)}},
	}}
}

// runNative boots the suite image once. Its standard output is the
// script's (what is parsed); on failure stderr and the launcher's account
// of the end come too. The kernel's counters come from its console.
func runNative(ctx context.Context, e *env, mode string) ([]byte, KernelCounters, error) {
	var stdout, stderr, console bytes.Buffer
	out := launch.Boot(ctx, nativeRun(e, mode, &stdout, &stderr, &console))
	if err := out.Err(); err != nil {
		out.Report(&stderr)
		return append(stdout.Bytes(), stderr.Bytes()...), nil, fmt.Errorf("native run: %w", err)
	}
	return stdout.Bytes(), ParseKernelCounters(console.Bytes()), nil
}

// KernelCountersArg is the kernel command line that makes the native
// kernel print its counters when the machine ends (kernel/profile_trap.go,
// printCounters): one line, "ebbnode: counters: key=value ...".
const KernelCountersArg = "ebbnode.debug=counters"

// KernelCounters are the native kernel's totals for one boot, by the
// kernel's names: traps (from ring 3: system calls, faults and
// interrupts), syscalls, timer (timer interrupts), pagefaults (faults-2m
// and faults-4k of them demand-paged 2 MiB and 4 KiB mappings), switches
// (context switches), halts (idle HLTs), tlb-grows (CR3 reloads under
// TCG), uptime-ms, and others the line carries.
type KernelCounters map[string]uint64

// ParseKernelCounters reads the last counters line from a console
// transcript; nil when there is none (an older kernel, or a run that
// ended before exiting).
func ParseKernelCounters(console []byte) KernelCounters {
	const prefix = "ebbnode: counters: "
	var k KernelCounters
	for _, line := range strings.Split(string(console), "\n") {
		i := strings.Index(line, prefix)
		if i < 0 {
			continue
		}
		k = KernelCounters{}
		for _, f := range strings.Fields(line[i+len(prefix):]) {
			key, val, ok := strings.Cut(f, "=")
			if n, err := strconv.ParseUint(val, 10, 64); ok && err == nil {
				k[key] = n
			}
		}
	}
	return k
}
