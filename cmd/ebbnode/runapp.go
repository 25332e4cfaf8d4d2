package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// consoleTail bounds how much of the kernel console is shown after a guest
// ends without reporting its exit: enough for a Go traceback.
const consoleTail = 16 << 10

// messengerArgs attaches the Messenger channel: a virtio-serial device
// (transitional PCI on q35, virtio-mmio on microvm) with one
// virtserialport, port 1, on a chardev that connects to sock, where this
// process listens. kernel/virtio.OpenConsoleAuto drives it with the
// MULTIPORT feature. A virtserialport, unlike a virtconsole, is
// flow-controlled: QEMU pauses the guest's transmit queue while the
// socket is full instead of dropping the data. The guest holds its writes
// until QEMU reports the host side open, so nothing is lost either way.
func messengerArgs(machine, sock string) []string {
	dev := "virtio-serial-pci-transitional"
	if machine == qemu.MachineMicrovm {
		dev = "virtio-serial-device"
	}
	return []string{
		"-chardev", "socket,id=messenger,path=" + sock,
		"-device", dev,
		"-device", "virtserialport,chardev=messenger,nr=1,name=org.ebbnode.messenger",
	}
}

// appConfig is what the host grants the script, from run's flags.
func appConfig(o runOptions, args []string) (offload.Config, error) {
	cfg := offload.Config{Args: args, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	if o.envAll {
		cfg.Env = os.Environ()
	}
	for _, kv := range o.env {
		k, _, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return cfg, fmt.Errorf("-e %q: want KEY=VALUE", kv)
		}
		cfg.Env = setEnv(cfg.Env, kv)
	}
	if len(o.mounts) == 0 {
		ms, err := offload.DefaultMounts()
		if err != nil {
			return cfg, err
		}
		cfg.Mounts = ms
	}
	for _, s := range o.mounts {
		m, err := offload.ParseMount(s)
		if err != nil {
			return cfg, err
		}
		cfg.Mounts = append(cfg.Mounts, m)
	}
	wd, err := os.Getwd()
	if err != nil {
		return cfg, fmt.Errorf("working directory: %w", err)
	}
	cfg.Cwd = filepath.ToSlash(wd)
	return cfg, nil
}

// setEnv sets kv in env, replacing an entry with the same key.
func setEnv(env []string, kv string) []string {
	k, _, _ := strings.Cut(kv, "=")
	for i, e := range env {
		if ek, _, _ := strings.Cut(e, "="); ek == k {
			env[i] = kv
			return env
		}
	}
	return append(env, kv)
}

// checkApp verifies an app image before QEMU starts: a bootable image
// whose bundle is intact.
func checkApp(path string) error {
	if err := image.Check(path); err != nil {
		return err
	}
	p, err := image.ReadPayload(path)
	if err != nil {
		return err
	}
	if _, err := bundle.Read(bytes.NewReader(p), int64(len(p))); err != nil {
		return fmt.Errorf("image: %s: app bundle: %w", path, err)
	}
	return nil
}

// runApp boots the app image at path and serves its Messenger until the
// script exits. Every failure has been reported on stderr by the time it
// returns.
func runApp(cmd *cobra.Command, path string, args []string, o runOptions) error {
	stderr := cmd.ErrOrStderr()
	fail := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "ebbnode: "+format+"\n", a...)
		return exitError{1}
	}
	if err := checkApp(path); err != nil {
		return fail("%v", err)
	}
	cfg, err := appConfig(o, args)
	if err != nil {
		return fail("%v", err)
	}
	accel, notice, err := qemu.ResolveAccel(o.accel, qemu.DefaultHost)
	if err != nil {
		return fail("%v", err)
	}

	// A private directory for the socket: nobody else can connect to it.
	dir, err := os.MkdirTemp("", "ebbnode-")
	if err != nil {
		return fail("%v", err)
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "messenger.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return fail("messenger socket: %v", err)
	}
	defer ln.Close()

	var console io.Writer // kernel console: hidden unless --verbose
	if o.verbose {
		console = stderr
	}
	c := qemu.Config{
		Kernel:    path,
		Machine:   o.machine,
		MemoryMiB: o.memory,
		CPUs:      o.cpus,
		Accel:     accel,
		Timeout:   o.timeout,
		GDB:       o.gdb,
		Console:   console,
		Log:       stderr,
		ExtraArgs: messengerArgs(o.machine, sock),
	}
	announce(stderr, o, c, accel, notice, path)

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type served struct {
		code int
		err  error
	}
	serveDone := make(chan served, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			serveDone <- served{-1, fmt.Errorf("messenger: %w", err)}
			return
		}
		defer conn.Close()
		code, err := offload.Serve(ctx, conn, cfg)
		serveDone <- served{code, err}
	}()

	res, runErr := qemu.Run(ctx, c)
	ln.Close() // QEMU never connected: end the Accept
	var sv served
	select {
	case sv = <-serveDone:
	case <-time.After(5 * time.Second):
		// QEMU is gone, so the stream has ended; a Serve still
		// running is stuck in a host write (a blocked stdout).
		sv = served{-1, errors.New("messenger: still busy after QEMU ended")}
	}
	return appStatus(stderr, o, res, runErr, sv.code, sv.err)
}

// appStatus turns how the guest and its Messenger ended into ebbnode's
// exit status. The script's own status wins when it reported one.
func appStatus(stderr io.Writer, o runOptions, res qemu.Result, runErr error, code int, serveErr error) error {
	if errors.Is(runErr, context.Canceled) {
		fmt.Fprintln(stderr, "\nebbnode: interrupted; QEMU stopped")
		return exitError{exitInterrupted}
	}
	if serveErr == nil {
		if runErr != nil || res.TimedOut {
			// The script finished; the machine did not stop cleanly
			// after it. Say so, but the script's status stands.
			fmt.Fprintf(stderr, "ebbnode: the guest did not stop after the script exited: %v\n", describe(res, runErr, o))
		}
		if code != 0 {
			return exitError{code}
		}
		return nil
	}
	// No exit from the script: show what the kernel printed (a panic
	// and its backtrace), then how the machine ended.
	if !o.verbose {
		con := res.Console
		if len(con) > consoleTail {
			con = con[len(con)-consoleTail:]
		}
		if len(con) > 0 {
			stderr.Write(con)
			if con[len(con)-1] != '\n' {
				fmt.Fprintln(stderr)
			}
		}
	}
	fmt.Fprintf(stderr, "ebbnode: the script did not finish: %v\n", describe(res, runErr, o))
	if runErr != nil {
		return exitError{1}
	}
	if res.ExitCode == 0 {
		return exitError{qemu.ExitCrash}
	}
	return exitError{res.ExitCode}
}

// describe says in a few words how QEMU ended.
func describe(res qemu.Result, runErr error, o runOptions) string {
	switch {
	case runErr != nil:
		return runErr.Error()
	case res.TimedOut:
		return fmt.Sprintf("guest killed after --timeout %v", o.timeout)
	case res.Crashed:
		return fmt.Sprintf("guest stopped without an exit status (crash or triple fault; QEMU status %d)", res.Status)
	case res.ExitCode == qemu.ExitPanic:
		return "kernel panic"
	}
	return fmt.Sprintf("guest exited with status %d", res.ExitCode)
}
