package qemu

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// waitDelay bounds how long Run waits for QEMU's output pipes to close after
// QEMU is gone (or was killed), so a stray holder of a pipe cannot hang it.
const waitDelay = 2 * time.Second

// Run boots c.Kernel and waits until the guest exits, crashes, or runs out
// of time, then reports how it ended.
//
// A guest that exits, panics or crashes is a Result, not an error; so is a
// timeout (Result.TimedOut). Run returns an error when QEMU cannot be
// started or fails on its own (bad image, bad option, an aborting
// accelerator), and when ctx is canceled — after killing QEMU.
func Run(ctx context.Context, c Config) (Result, error) {
	c = c.withDefaults()
	if err := c.validate(); err != nil {
		return Result{}, err
	}
	if _, err := os.Stat(c.Kernel); err != nil {
		return Result{}, fmt.Errorf("qemu: kernel image: %w", err)
	}
	bin, err := Find()
	if err != nil {
		return Result{}, err
	}
	accel, notice, err := ResolveAccel(c.Accel, c.Host)
	if err != nil {
		return Result{}, fmt.Errorf("qemu: %w", err)
	}
	if notice != "" && c.Log != nil {
		fmt.Fprintln(c.Log, notice)
	}

	runCtx, cancel := ctx, context.CancelFunc(func() {})
	if c.Timeout > 0 {
		runCtx, cancel = context.WithTimeout(ctx, c.Timeout)
	}
	defer cancel()

	cmd := exec.CommandContext(runCtx, bin, Args(c, accel)...)
	if c.Netns != "" {
		// ip enters the namespace and execs QEMU in its own place, so
		// the process (group) below is QEMU's all the same.
		cmd = exec.CommandContext(runCtx, "ip", append([]string{"netns", "exec", c.Netns, bin}, Args(c, accel)...)...)
	}
	// Its own process group, so a kill reaches anything QEMU started and a
	// terminal's Ctrl-C reaches only us; and death with its parent, so a
	// killed ebbnode or test binary leaves no QEMU running.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = waitDelay
	console := &tailBuffer{max: MaxConsole, w: c.Console}
	stderr := &tailBuffer{max: 64 << 10, w: c.Log}
	cmd.Stdout, cmd.Stderr = console, stderr

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Result{}, fmt.Errorf("qemu: start %s: %w", bin, err)
	}
	waitErr := cmd.Wait()
	res := Result{
		Accel:   accel,
		Wall:    time.Since(start),
		Console: console.Bytes(),
		Status:  cmd.ProcessState.ExitCode(),
	}
	return finish(ctx, runCtx, cmd.ProcessState, res, waitErr, stderr.Bytes())
}

// finish classifies how QEMU ended.
func finish(ctx, runCtx context.Context, ps *os.ProcessState, res Result, waitErr error, stderr []byte) (Result, error) {
	ws, _ := ps.Sys().(syscall.WaitStatus)
	killedByUs := runCtx.Err() != nil && ws.Signaled() && ws.Signal() == syscall.SIGKILL
	switch {
	case killedByUs && errors.Is(ctx.Err(), context.Canceled):
		res.ExitCode = ExitCrash
		return res, fmt.Errorf("qemu: stopped: %w", ctx.Err())
	case killedByUs:
		res.TimedOut, res.ExitCode = true, ExitTimeout
		return res, nil
	case ws.Signaled():
		res.ExitCode, res.Crashed = ExitCrash, true
		return res, fmt.Errorf("qemu: %s died on %v%s", Binary, ws.Signal(), quote(stderr))
	case waitErr != nil && !errors.As(waitErr, new(*exec.ExitError)):
		// QEMU ended but its output pipes stayed open (ErrWaitDelay)
		// or waiting failed; the status is still QEMU's.
		if !errors.Is(waitErr, exec.ErrWaitDelay) {
			return res, fmt.Errorf("qemu: wait: %w", waitErr)
		}
	}
	// QEMU's own failures (unloadable kernel, bad option) exit with 1,
	// which is also what a guest exit code 0 looks like; they differ in
	// QEMU printing an error first.
	if res.Status == 1 {
		if msg := qemuError(stderr); msg != "" {
			res.ExitCode, res.Crashed = ExitCrash, true
			return res, fmt.Errorf("qemu: %s", msg)
		}
	}
	res.ExitCode, res.Crashed = DecodeStatus(res.Status)
	return res, nil
}

// qemuError returns QEMU's error lines from its standard error, skipping
// warnings, or "" if it printed no error.
func qemuError(stderr []byte) string {
	var errs []string
	for _, line := range strings.Split(string(stderr), "\n") {
		msg, ok := strings.CutPrefix(line, Binary+": ")
		if !ok || strings.HasPrefix(msg, "warning:") {
			continue
		}
		errs = append(errs, msg)
	}
	return strings.Join(errs, "; ")
}

// quote renders QEMU's last standard-error line for an error message.
func quote(stderr []byte) string {
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	if last := lines[len(lines)-1]; last != "" {
		return ": " + last
	}
	return ""
}

// tailBuffer copies what is written to w (if any) and keeps the newest max
// bytes. Errors from w are dropped: a closed terminal must not stop the
// guest or lose the captured output.
type tailBuffer struct {
	w   io.Writer
	max int
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	if t.w != nil {
		_, _ = t.w.Write(p) // errors dropped: see the type comment
	}
	t.buf = append(t.buf, p...)
	// Trim only when twice over, so trimming stays amortised O(1).
	if len(t.buf) > 2*t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

// Bytes returns the newest max bytes written.
func (t *tailBuffer) Bytes() []byte {
	if len(t.buf) > t.max {
		return bytes.Clone(t.buf[len(t.buf)-t.max:])
	}
	return t.buf
}
