package launch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

const (
	// lostGrace: when the Messenger stream ends without an exit, QEMU is
	// usually on its way out (a panic or a crash closes the socket);
	// it gets this long to say how it ended before it is stopped.
	lostGrace = 2 * time.Second
	// stopGrace: after the script's exit, the guest writes its status
	// to isa-debug-exit at once; one still running after this is
	// stopped.
	stopGrace = 10 * time.Second
	// drainGrace bounds the wait for the Messenger server after QEMU is
	// gone: a server still busy is stuck in a host write (a blocked
	// stdout).
	drainGrace = 5 * time.Second
)

// served is how the Messenger server ended.
type served struct {
	code int
	err  error
}

// bootApp boots an app image (checked by Boot) and serves its Messenger
// until the script exits. A failure of the server stops QEMU.
func bootApp(ctx context.Context, r Run) Outcome {
	dir := r.Dir
	if dir == "" {
		d, err := NewRunDir()
		if err != nil {
			return failed(err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	sock := filepath.Join(dir, "messenger.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return failed(fmt.Errorf("messenger socket: %w", err))
	}
	defer ln.Close()
	vm := r.VM
	vm.Devices = append(append([]Device(nil), vm.Devices...), Messenger{Socket: sock})
	c := vm.QEMU(r.Image)
	if r.Started != nil {
		r.Started(qemu.Args(c, c.Accel))
	}

	runCtx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	qemuDone := make(chan struct{})
	serveDone := make(chan served, 1)
	go func() {
		sv := serve(runCtx, ln, *r.App)
		serveDone <- sv
		watch(runCtx, stop, sv, qemuDone)
	}()
	res, runErr := qemu.Run(runCtx, c)
	close(qemuDone)
	ln.Close() // QEMU never connected: end the Accept
	var sv served
	select {
	case sv = <-serveDone:
	case <-time.After(drainGrace):
		sv = served{-1, errors.New("messenger: still busy after QEMU ended")}
	}
	return appOutcome(ctx, runCtx, r.VM, res, runErr, sv)
}

// serve accepts QEMU's connection and serves the guest on it.
func serve(ctx context.Context, ln net.Listener, cfg offload.Config) served {
	conn, err := ln.Accept()
	if err != nil {
		return served{-1, fmt.Errorf("messenger: %w", err)}
	}
	defer conn.Close()
	code, err := offload.Serve(ctx, conn, cfg)
	return served{code, err}
}

// watch stops QEMU (through stop) when the host side has failed, or when
// the guest does not stop after its script's exit.
func watch(ctx context.Context, stop context.CancelCauseFunc, sv served, qemuDone <-chan struct{}) {
	grace, cause := time.Duration(0), error(&HostError{sv.err})
	switch {
	case ctx.Err() != nil:
		return // stopping already
	case sv.err == nil:
		grace, cause = stopGrace, errNoStop
	case errors.Is(sv.err, offload.ErrNoExit):
		grace = lostGrace
	}
	if grace > 0 {
		t := time.NewTimer(grace)
		defer t.Stop()
		select {
		case <-qemuDone:
			return
		case <-t.C:
		}
	}
	stop(cause)
}

// appOutcome classifies how an app's run ended. The script's own status
// wins when it reported one.
func appOutcome(ctx, runCtx context.Context, vm VM, res qemu.Result, runErr error, sv served) Outcome {
	if ctx.Err() != nil {
		return interrupted(ctx, res)
	}
	o := Outcome{QEMU: res}
	stopped := errors.Is(runErr, context.Canceled)
	var he *HostError
	if cause := context.Cause(runCtx); stopped && errors.As(cause, &he) {
		o.Code, o.Message = 1, he.Error()+"; QEMU stopped"
		return o
	}
	if sv.err == nil {
		o.Code = sv.code
		switch {
		case stopped:
			// The script finished; the machine did not stop after
			// it. Say so, but the script's status stands.
			o.Message = fmt.Sprintf("%v: stopped after %v", errNoStop, stopGrace)
		case runErr != nil || res.TimedOut:
			o.Message = fmt.Sprintf("%v: %v", errNoStop, describe(res, runErr, vm.Timeout))
		}
		return o
	}
	// No exit from the script: show what the kernel printed (a panic
	// and its backtrace), then how the machine ended.
	if vm.Console == nil {
		o.Console = tail(res.Console)
	}
	o.Message = "the script did not finish: " + describe(res, runErr, vm.Timeout)
	switch {
	case runErr != nil:
		o.Code = 1
	case res.ExitCode == 0:
		o.Code = qemu.ExitCrash
	default:
		o.Code = res.ExitCode
	}
	return o
}
