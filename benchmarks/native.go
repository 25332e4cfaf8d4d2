package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// Configuration c drives the ebbnode binary's own `build` and `run`, the
// commands a user runs, rather than a copy of their Messenger wiring: the
// suite script becomes one app image, booted once per run with the mode
// as its argument.

// nativeRuntime is the prebuilt runtime `ebbnode build` attaches the app
// to; it must sit next to the ebbnode binary (see cmd/ebbnode/build.go).
const nativeRuntime = "ebbnode-native.elf"

// runtimeEnvVar names the runtime explicitly to `ebbnode build`.
const runtimeEnvVar = "EBBNODE_RUNTIME"

// prepareNative builds the suite script into an image. When this run
// built ebbnode from the source tree it also links the native runtime from
// the same tree, so b, c and d run one engine build; a binary given with
// Options.Ebbnode uses the runtime installed beside it (make puts both in
// bin/) or $EBBNODE_RUNTIME.
func prepareNative(ctx context.Context, e *env) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, "build", "-o", filepath.Join(e.work, "bench.img"), e.script)
	cmd.Env = os.Environ()
	if e.opts.Ebbnode == "" {
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
		rt := filepath.Join(e.work, nativeRuntime)
		fmt.Fprintln(e.log, "c: linking the native runtime (cmd/ebbnode-native)")
		if err := image.Link(ctx, image.LinkOptions{Pkg: "./cmd/ebbnode-native", Out: rt, Dir: root}); err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
		cmd.Env = append(cmd.Env, runtimeEnvVar+"="+rt)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("`ebbnode build` of the suite: %w: %s", err, strings.TrimSpace(string(out)))
	}
	e.image = filepath.Join(e.work, "bench.img")
	return nil
}

// nativeRunArgs is the `ebbnode run` command line that boots img on vm
// (VMSettings with the accelerator resolved) with mode as the script's
// argument; timeout is run's own limit.
func nativeRunArgs(vm qemu.Config, timeout time.Duration, img, mode string) []string {
	return []string{"run", "--verbose",
		"--machine", vm.Machine,
		"--memory", strconv.Itoa(vm.MemoryMiB),
		"--cpus", strconv.Itoa(vm.CPUs),
		"--accel", vm.Accel,
		"--timeout", timeout.String(),
		img, "--", mode}
}

// runNative boots the suite image once. Its standard output is the
// script's (what is parsed); standard error carries run's QEMU command
// line, which checkMachine compares with the one d boots.
func runNative(ctx context.Context, e *env, mode string) ([]byte, error) {
	limit := e.timeout(mode)
	// ebbnode run stops QEMU at limit itself (status 124); the context
	// is only the backstop for a run that does not stop.
	ctx, cancel := context.WithTimeout(ctx, limit+time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, e.ebbnode, nativeRunArgs(e.vm, limit, e.image, mode)...)
	cmd.Dir = e.work // run grants its working directory to the script
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	both := append(append([]byte(nil), stdout.Bytes()...), stderr.Bytes()...)
	switch {
	case ctx.Err() != nil:
		return both, fmt.Errorf("ebbnode run: no result within %v", limit)
	case err != nil:
		return both, fmt.Errorf("ebbnode run: %w", err)
	}
	if err := checkMachine(stderr.String(), e.vm); err != nil {
		return both, err
	}
	return stdout.Bytes(), nil
}

// checkMachine fails unless the QEMU command line that `ebbnode run
// --verbose` printed boots the machine vm describes, argument for argument
// up to the kernel: the same board, accelerator, -cpu model, memory and
// CPU count as the Linux VM (d), which qemu.Args builds from the same
// VMSettings.
func checkMachine(stderr string, vm qemu.Config) error {
	vm.Kernel = "-"
	want := qemu.Args(vm, vm.Accel)
	for i, a := range want {
		if a == "-kernel" {
			want = want[:i+1]
			break
		}
	}
	prefix := "ebbnode: " + qemu.Binary + " " + strings.Join(want, " ") + " "
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "ebbnode: "+qemu.Binary+" ") {
			if !strings.HasPrefix(l, prefix) {
				return fmt.Errorf("ebbnode run booted another machine than the Linux VM:\n  got  %s\n  want %s...", l, prefix)
			}
			return nil
		}
	}
	return fmt.Errorf("ebbnode run --verbose printed no QEMU command line")
}
