package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
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
}

func init() {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run [flags] image",
		Short: "Boot an ebbnode image under QEMU and return its exit status",
		Long: `Boot an ebbnode image under QEMU. The guest's serial console is streamed to
standard output, and ebbnode exits with the guest's own exit status.

The image is a PVH-bootable x86_64 ELF: a Go program that imports the ebbnode
kernel, linked by host/image's Link ("ebbnode build app.js" will produce such
images from scripts; it is not there yet). The image is checked before QEMU
starts. This version boots raw images only: it serves no files, standard
input, arguments or environment to the guest.

Exit status: the guest's code; 124 if --timeout passed; 125 if the guest
crashed without an exit status (e.g. a triple fault); 127 after a kernel
panic; 130 on Ctrl-C or SIGTERM (QEMU is killed); 1 if the image is bad or
QEMU cannot run it.

KVM is used when the host CPU has vmx/svm and /dev/kvm works (kvm-pvm
cannot run these guests); otherwise TCG, which is slower.`,
		Example: `  ebbnode run hello.elf
  ebbnode run --machine microvm --memory 256 --timeout 30s hello.elf
  ebbnode run --gdb hello.elf    # then: gdb -ex 'target remote localhost:1234' hello.elf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.gdb && !cmd.Flags().Changed("timeout") {
				o.timeout = 0 // a debugging session takes as long as it takes
			}
			return runImage(cmd, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.machine, "machine", qemu.MachineQ35, "QEMU machine: q35 or microvm")
	f.IntVar(&o.memory, "memory", 128, "guest memory in MiB")
	f.IntVar(&o.cpus, "cpus", 1, "virtual CPUs")
	f.StringVar(&o.accel, "accel", qemu.AccelAuto, "accelerator: auto, kvm or tcg")
	f.DurationVar(&o.timeout, "timeout", 10*time.Minute, "kill the guest after this long (0: no limit; none by default with --gdb)")
	f.BoolVar(&o.gdb, "gdb", false, "start QEMU's gdb stub on localhost:1234 and wait for a debugger before the first instruction")
	f.BoolVar(&o.verbose, "verbose", false, "print the accelerator choice and the QEMU command line on standard error")
	rootCmd.AddCommand(cmd)
}

// runImage boots path and turns how the guest ended into ebbnode's exit
// status. Every failure has been reported on stderr by the time it returns.
func runImage(cmd *cobra.Command, path string, o runOptions) error {
	stderr := cmd.ErrOrStderr()
	fail := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "ebbnode: "+format+"\n", a...)
		return exitError{1}
	}
	if err := image.Check(path); err != nil {
		return fail("%v", err)
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
	if o.verbose {
		if notice != "" {
			fmt.Fprintln(stderr, notice)
		}
		fmt.Fprintf(stderr, "ebbnode: %s %s\n", qemu.Binary, shellQuote(qemu.Args(c, accel)))
	}
	if o.gdb {
		fmt.Fprintf(stderr, "ebbnode: QEMU waits for a debugger: gdb -ex 'target remote localhost:1234' %s\n", path)
	}

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
