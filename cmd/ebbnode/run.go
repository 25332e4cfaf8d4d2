package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// exitInterrupted is the shell's code for a process stopped by SIGINT.
const exitInterrupted = 130

type runOptions struct {
	machine string
	memory  int
	cpus    int
	accel   string
	timeout time.Duration
	gdb     bool
	verbose bool

	// App images only (see runapp.go).
	env      []string
	envAll   bool
	mounts   []string
	includes []string
}

func init() {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run [flags] app.img|app.js [-- args...]",
		Short: "Boot an ebbnode image under QEMU, serving its files and stdio",
		Long: `Boot an ebbnode image under QEMU and return its exit status.

An app image (made by "ebbnode build app.js") runs its script natively while
this process serves the image's offloaded I/O over a virtio-serial channel
(the Messenger): the script's standard input, output and error (byte-exact),
its arguments (after the image, or after --), the environment given with -e
and --env-all (nothing else: the default environment is empty), the exit
status, and files under the granted directories. A .js file is built to a
temporary image first (as "ebbnode build" would).

File grants: --mount HOST[:GUEST][:ro] (repeatable) lets the script reach
the host directory HOST at guest path GUEST (default: the same path), read
and write unless :ro. Without --mount, the current working directory is
granted read-write at its own path, so relative paths reach the files they
would under node. Nothing outside the grants is reachable: ".." and
symbolic links cannot leave them. process.cwd() is the current working
directory.

The kernel's serial console is shown (on standard error) only with
--verbose; if the guest ends without reporting the script's exit (a panic,
a crash, a timeout), the end of the console, with any backtrace, is printed
on standard error.

A raw image (a Go program that imports the kernel, linked by host/image
Link, with no app attached) gets no Messenger: its serial console is
streamed to standard output.

Exit status: the script's (the guest's, for raw images); 124 if --timeout
passed; 125 if the guest crashed without an exit status (e.g. a triple
fault); 127 after a kernel panic; 130 on Ctrl-C or SIGTERM (QEMU is
killed); 1 if the image is bad or QEMU cannot run it.

KVM is used when the host CPU has vmx/svm and /dev/kvm works (kvm-pvm
cannot run these guests); otherwise TCG, which is slower, and a one-line
notice says so on a terminal's standard error (always with --verbose).`,
		Example: `  ebbnode run app.img -- --port 8080
  ebbnode run examples/hello.js -- Ada          # builds, boots, prints "Hello, Ada! ..."
  ebbnode run -e DEBUG=1 --mount ./data:/data:ro app.img
  ebbnode run --machine microvm --memory 256 --timeout 30s hello.elf
  ebbnode run --gdb app.img    # then: gdb -ex 'target remote localhost:1234' app.img`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.gdb && !cmd.Flags().Changed("timeout") {
				o.timeout = 0 // a debugging session takes as long as it takes
			}
			return runCommand(cmd, args[0], args[1:], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.machine, "machine", qemu.MachineQ35, "QEMU machine: q35 or microvm")
	f.IntVar(&o.memory, "memory", 128, "guest memory in MiB")
	f.IntVar(&o.cpus, "cpus", 1, "virtual CPUs")
	f.StringVar(&o.accel, "accel", qemu.AccelAuto, "accelerator: auto, kvm or tcg")
	f.DurationVar(&o.timeout, "timeout", 10*time.Minute, "kill the guest after this long (0: no limit; none by default with --gdb)")
	f.BoolVar(&o.gdb, "gdb", false, "start QEMU's gdb stub on localhost:1234 and wait for a debugger before the first instruction")
	f.BoolVar(&o.verbose, "verbose", false, "show the accelerator choice, the QEMU command line and the kernel console on standard error")
	f.StringArrayVarP(&o.env, "env", "e", nil, "set KEY=VALUE in the script's environment (repeatable)")
	f.BoolVar(&o.envAll, "env-all", false, "pass this process's whole environment to the script (-e entries override)")
	f.StringArrayVar(&o.mounts, "mount", nil, "grant the host directory HOST at guest path GUEST: HOST[:GUEST][:ro] (repeatable; default: the working directory, read-write)")
	f.StringArrayVar(&o.includes, "include", nil, "when running a .js file: also bundle this file or directory tree (repeatable)")
	rootCmd.AddCommand(cmd)
}

// runCommand dispatches on what path is: a script is built first; an app
// image is served; a raw image is only booted.
func runCommand(cmd *cobra.Command, path string, args []string, o runOptions) error {
	stderr := cmd.ErrOrStderr()
	if isScript(path) {
		dir, err := os.MkdirTemp("", "ebbnode-run-")
		if err != nil {
			fmt.Fprintf(stderr, "ebbnode: %v\n", err)
			return exitError{1}
		}
		defer os.RemoveAll(dir)
		img := filepath.Join(dir, "app.img")
		if err := buildImage(path, img, o.includes, stderr); err != nil {
			fmt.Fprintf(stderr, "ebbnode: %v\n", err)
			return exitError{1}
		}
		return runApp(cmd, img, args, o)
	}
	if err := image.Check(path); err != nil {
		fmt.Fprintf(stderr, "ebbnode: %v\n", err)
		return exitError{1}
	}
	switch _, err := image.ReadPayload(path); {
	case errors.Is(err, image.ErrNoPayload):
		if len(args) > 0 {
			fmt.Fprintf(stderr, "ebbnode: %s is a raw image (no app): it takes no arguments\n", path)
			return exitError{1}
		}
		return runImage(cmd, path, o)
	case err != nil:
		fmt.Fprintf(stderr, "ebbnode: %v\n", err)
		return exitError{1}
	}
	return runApp(cmd, path, args, o)
}

// isScript reports whether path names a script rather than an image.
func isScript(path string) bool {
	switch filepath.Ext(path) {
	case ".js", ".cjs", ".mjs":
		return true
	}
	return false
}

// runImage boots path and turns how the guest ended into ebbnode's exit
// status. Every failure has been reported on stderr by the time it returns.
func runImage(cmd *cobra.Command, path string, o runOptions) error {
	stderr := cmd.ErrOrStderr()
	fail := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "ebbnode: "+format+"\n", a...)
		return exitError{1}
	}
	accel, notice, err := qemu.ResolveAccel(o.accel, qemu.DefaultHost)
	if err != nil {
		return fail("%v", err)
	}
	c := qemu.Config{
		Kernel:    path,
		Machine:   o.machine,
		MemoryMiB: o.memory,
		CPUs:      o.cpus,
		Accel:     accel,
		Timeout:   o.timeout,
		GDB:       o.gdb,
		Console:   cmd.OutOrStdout(),
		Log:       stderr, // QEMU's own warnings and errors
	}
	announce(stderr, o, c, accel, notice, path)

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := qemu.Run(ctx, c)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "\nebbnode: interrupted; QEMU stopped")
		return exitError{exitInterrupted}
	case err != nil:
		return fail("%v", err)
	case res.TimedOut:
		fmt.Fprintf(stderr, "\nebbnode: guest killed after --timeout %v\n", o.timeout)
	case res.Crashed:
		fmt.Fprintf(stderr, "\nebbnode: guest stopped without an exit status (crash or triple fault; QEMU status %d)\n", res.Status)
	}
	if res.ExitCode != 0 {
		return exitError{res.ExitCode}
	}
	return nil
}

// shellQuote joins args for display, quoting those a shell would split.
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$*?;&|<>()") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}

// isTerminal reports whether w is a terminal. The TCG notice goes to a
// person watching stderr, but never into a redirected stderr, which must
// carry exactly what the script wrote.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// announce tells the user, before QEMU starts, what run is about to do: the
// TCG notice (on a terminal, or with --verbose), the QEMU command line
// (--verbose) and how to attach a debugger (--gdb).
func announce(stderr io.Writer, o runOptions, c qemu.Config, accel, notice, path string) {
	if notice != "" && (o.verbose || isTerminal(stderr)) {
		fmt.Fprintln(stderr, notice)
	}
	if o.verbose {
		fmt.Fprintf(stderr, "ebbnode: %s %s\n", qemu.Binary, shellQuote(qemu.Args(c, accel)))
	}
	if o.gdb {
		fmt.Fprintf(stderr, "ebbnode: QEMU waits for a debugger: gdb -ex 'target remote localhost:1234' %s\n", path)
	}
}
