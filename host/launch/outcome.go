package launch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
)

// consoleTail bounds how much of the kernel console is shown after a guest
// ends without reporting its exit: enough for a Go traceback.
const consoleTail = 16 << 10

// ExitInterrupted is the status of a run stopped by the caller's context
// (`ebbnode run`: SIGINT, SIGTERM, SIGHUP or SIGPIPE), as a shell reports
// SIGINT.
const ExitInterrupted = 130

// Outcome is how a run ended, in ebbnode's terms.
type Outcome struct {
	// Code is the exit status: the script's (the guest's, for a raw
	// image) when it reported one, else ebbnode's own (1 for a failure
	// on the host side or an image that cannot boot, 124 timeout, 125
	// crash, 127 kernel panic, ExitInterrupted).
	Code int
	// Console is the end of the kernel console to show before Message:
	// the panic and backtrace of an app whose script did not finish
	// (only when VM.Console did not already show it).
	Console []byte
	// Message says in one line, without the "ebbnode: " prefix, why the
	// run did not end the way the guest chose; "" when it did.
	Message string
	// Break: Message follows the guest's own output, so it starts on a
	// line of its own.
	Break bool
	// Interrupted: the caller's context ended the run.
	Interrupted bool
	// QEMU is how QEMU ended, when it ran.
	QEMU qemu.Result
}

// Report writes the outcome for a person: the console tail, then Message.
func (o Outcome) Report(w io.Writer) {
	if len(o.Console) > 0 {
		w.Write(o.Console)
		if o.Console[len(o.Console)-1] != '\n' {
			fmt.Fprintln(w)
		}
	}
	if o.Message == "" {
		return
	}
	if o.Break {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "ebbnode: %s\n", o.Message)
}

// Err is nil when the run's status is 0 (as `ebbnode run` exits 0), else
// an error carrying Message and Code, for callers that are not a CLI.
func (o Outcome) Err() error {
	switch {
	case o.Code == 0:
		return nil
	case o.Message != "":
		return fmt.Errorf("%s (exit status %d)", o.Message, o.Code)
	}
	return fmt.Errorf("guest exited with status %d", o.Code)
}

// failed is the outcome of a run that could not start.
func failed(err error) Outcome { return Outcome{Code: 1, Message: err.Error()} }

// interrupted is the outcome of a run whose context ended.
func interrupted(ctx context.Context, res qemu.Result) Outcome {
	msg := "interrupted; QEMU stopped"
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) && !errors.Is(cause, context.DeadlineExceeded) {
		msg = fmt.Sprintf("interrupted (%v); QEMU stopped", cause)
	}
	return Outcome{Code: ExitInterrupted, Message: msg, Break: true, Interrupted: true, QEMU: res}
}

// rawOutcome classifies how a raw image's boot ended.
func rawOutcome(ctx context.Context, vm VM, res qemu.Result, err error) Outcome {
	o := Outcome{Code: res.ExitCode, QEMU: res}
	switch {
	case ctx.Err() != nil:
		return interrupted(ctx, res)
	case err != nil:
		return failed(err)
	case res.TimedOut, res.Crashed:
		o.Message, o.Break = describe(res, nil, vm.Timeout), true
	}
	return o
}

// describe says in a few words how QEMU ended.
func describe(res qemu.Result, runErr error, timeout time.Duration) string {
	switch {
	case runErr != nil:
		return runErr.Error()
	case res.TimedOut:
		return fmt.Sprintf("guest killed after --timeout %v", timeout)
	case res.Crashed:
		return fmt.Sprintf("guest stopped without an exit status (crash or triple fault; QEMU status %d)", res.Status)
	case res.ExitCode == qemu.ExitPanic:
		return "kernel panic"
	}
	return fmt.Sprintf("guest exited with status %d", res.ExitCode)
}

// tail returns the end of the console, at most consoleTail bytes.
func tail(con []byte) []byte {
	if len(con) > consoleTail {
		con = con[len(con)-consoleTail:]
	}
	return con
}
