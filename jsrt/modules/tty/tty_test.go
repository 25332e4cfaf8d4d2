package tty

import (
	"fmt"
	"os"
	"testing"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// openPty returns the two ends of a new pseudo-terminal whose window is
// cols x rows.
func openPty(t *testing.T, cols, rows uint16) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open /dev/ptmx (the terminal path needs a pseudo-terminal): %v", err)
	}
	t.Cleanup(func() { m.Close() })
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty slave: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: cols, Row: rows}); err != nil {
		t.Fatalf("set window size: %v", err)
	}
	return m, s
}

func eval(t *testing.T, rt *goja.Runtime, src string) goja.Value {
	t.Helper()
	fn, err := rt.RunString("(function (tty) { return " + src + "; })")
	if err != nil {
		t.Fatalf("compile %q: %v", src, err)
	}
	call, _ := goja.AssertFunction(fn)
	v, err := call(goja.Undefined(), jsmod.Get(rt, ModuleName))
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

// TestTerminal runs the module with stdin and stdout on a pseudo-terminal
// and stderr on a pipe: only the terminal fds are TTYs, the window size is
// the terminal's, and raw mode really changes (and restores) its settings.
func TestTerminal(t *testing.T) {
	_, slave := openPty(t, 123, 45)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	rt := goja.New()
	hostenv.Set(rt, &hostenv.Env{Stdin: slave, Stdout: slave, Stderr: w})
	rt.Set("process", rt.NewObject())
	if _, err := rt.RunString("process.on = function () {};"); err != nil {
		t.Fatal(err)
	}

	if got := eval(t, rt, "[tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(3)].join()").String(); got != "true,true,false,false" {
		t.Errorf("isatty(0..3) = %s, want true,true,false,false", got)
	}
	if got := eval(t, rt, "new tty.WriteStream(1).getWindowSize().join('x')").String(); got != "123x45" {
		t.Errorf("window size %s, want 123x45", got)
	}
	if got := eval(t, rt, "new tty.WriteStream(2).columns").String(); got != "undefined" {
		t.Errorf("a pipe has columns %s", got)
	}
	eval(t, rt, "globalThis.rs = new tty.ReadStream(0), rs.setRawMode(true), rs.isRaw")
	if tio, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS); err != nil || tio.Lflag&unix.ICANON != 0 {
		t.Errorf("after setRawMode(true): ICANON still set (err %v)", err)
	}
	eval(t, rt, "rs.setRawMode(false)")
	if tio, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS); err != nil || tio.Lflag&unix.ICANON == 0 {
		t.Errorf("after setRawMode(false): ICANON not restored (err %v)", err)
	}
}

// TestNoHost: in a runtime jsrt did not set up, nothing is a terminal.
func TestNoHost(t *testing.T) {
	rt := goja.New()
	if got := eval(t, rt, "tty.isatty(0) || tty.isatty(1) || tty.isatty(2)").ToBoolean(); got {
		t.Error("isatty is true with no host environment")
	}
}
