package child_process

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// spawnOpts are spawn's options after child_process.js resolved them.
type spawnOpts struct {
	file    string
	args    []string // argv[1:]
	argv0   string
	cwd     string
	env     []string
	stdio   [3]string // "pipe", "inherit" or "ignore"
	input   []byte    // sync only: written to a piped stdin
	timeout time.Duration
	kill    syscall.Signal
}

// spawnError is a failure to start, as node reports it: an errno name.
type spawnError struct {
	code  string
	errno int
}

func (e *spawnError) Error() string { return e.code }

var errNoProcesses = &spawnError{"ENOSYS", -int(unix.ENOSYS)}

// classify turns exec's start error into node's errno.
func classify(err error) *spawnError {
	var en syscall.Errno
	switch {
	case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return &spawnError{"ENOENT", -int(unix.ENOENT)}
	case errors.Is(err, fs.ErrPermission):
		return &spawnError{"EACCES", -int(unix.EACCES)}
	case errors.As(err, &en):
		return &spawnError{unix.ErrnoName(en), -int(en)}
	}
	return &spawnError{"EINVAL", -int(unix.EINVAL)}
}

// command builds the exec.Cmd; stdio "inherit" means the runtime's own
// streams (in, out, errw).
func command(o spawnOpts, in io.Reader, out, errw io.Writer) (*exec.Cmd, error) {
	if isNative() {
		return nil, errNoProcesses
	}
	path := o.file
	if !bytes.ContainsRune([]byte(path), '/') {
		p, err := lookPath(path, o.env)
		if err != nil {
			return nil, err
		}
		path = p
	}
	cmd := &exec.Cmd{Path: path, Args: append([]string{o.argv0}, o.args...), Dir: o.cwd, Env: o.env}
	if o.stdio[0] == "inherit" {
		cmd.Stdin = in
	}
	if o.stdio[1] == "inherit" {
		cmd.Stdout = out
	}
	if o.stdio[2] == "inherit" {
		cmd.Stderr = errw
	}
	return cmd, nil
}

// lookPath searches the child's PATH (from its env), as libuv does.
func lookPath(file string, env []string) (string, error) {
	pathVar := ""
	for _, kv := range env {
		if len(kv) > 5 && kv[:5] == "PATH=" {
			pathVar = kv[5:]
		}
	}
	for _, dir := range filepathSplit(pathVar) {
		if dir == "" {
			dir = "."
		}
		p := dir + "/" + file
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

func filepathSplit(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// syncResult is spawnSync's outcome.
type syncResult struct {
	pid            int
	status         int // -1: none (killed by a signal or never started)
	signal         string
	stdout, stderr []byte
	err            *spawnError
}

// runSync runs a child to completion.
func runSync(o spawnOpts, in io.Reader, out, errw io.Writer) syncResult {
	cmd, err := command(o, in, out, errw)
	if err != nil {
		var se *spawnError
		if !errors.As(err, &se) {
			se = classify(err)
		}
		return syncResult{status: -1, err: se}
	}
	var stdout, stderr bytes.Buffer
	if o.stdio[0] == "pipe" {
		cmd.Stdin = bytes.NewReader(o.input)
	}
	if o.stdio[1] == "pipe" {
		cmd.Stdout = &stdout
	}
	if o.stdio[2] == "pipe" {
		cmd.Stderr = &stderr
	}
	if err := cmd.Start(); err != nil {
		return syncResult{status: -1, err: classify(err)}
	}
	res := syncResult{pid: cmd.Process.Pid, status: -1}
	var timer *time.Timer
	if o.timeout > 0 {
		timer = time.AfterFunc(o.timeout, func() { _ = cmd.Process.Signal(o.kill) })
	}
	_ = cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	res.stdout, res.stderr = stdout.Bytes(), stderr.Bytes()
	res.status, res.signal = exitOf(cmd.ProcessState)
	return res
}

// exitOf is node's (code, signal) pair for a finished process.
func exitOf(ps *os.ProcessState) (int, string) {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		return -1, unix.SignalName(ws.Signal())
	}
	return ps.ExitCode(), ""
}
