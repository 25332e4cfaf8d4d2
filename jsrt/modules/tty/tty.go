// Package tty implements node's 'tty' module for ebbnode: isatty, and
// ReadStream/WriteStream with a terminal's size, colour depth, cursor
// control and raw mode. Fds 0–2 are the script's standard streams as the
// runtime reports them (internal/hostenv): a terminal only when the stream
// is an *os.File on one, so hosted `ebbnode exec` at a terminal says yes,
// while natively (stdio over the Messenger) and under pipes it says no.
// ebbnode's other fds are its own file descriptors, never terminals.
//
// The streams are event emitters with write(), not net.Socket streams
// (ebbnode has neither 'net' nor 'stream' yet).
package tty

import (
	_ "embed"
	"os"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "tty"

//go:embed tty.js
var source string

var src = jsmod.NewSource("node:tty", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}

// stream returns the script's fd 0–2 as the runtime gave it, or nil.
func stream(rt *goja.Runtime, fd int) any {
	env := hostenv.Get(rt)
	if env == nil {
		return nil
	}
	switch fd {
	case 0:
		return env.Stdin
	case 1:
		return env.Stdout
	case 2:
		return env.Stderr
	}
	return nil
}

// canInit reports whether libuv's uv_tty_init would accept the fd: a
// terminal, pipe or socket, but not a regular file or another device
// (such as /dev/null). Streams that are not files (the Messenger's
// natively) count as pipes.
func canInit(rt *goja.Runtime, fd int) bool {
	s := stream(rt, fd)
	if s == nil {
		return false
	}
	f, ok := s.(*os.File)
	if !ok {
		return true
	}
	if terminal(rt, fd) != nil {
		return true
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0
}

// terminal returns the terminal file behind the script's fd (0–2), or nil.
func terminal(rt *goja.Runtime, fd int) *os.File {
	f, ok := stream(rt, fd).(*os.File)
	if !ok {
		return nil
	}
	if _, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS); err != nil {
		return nil
	}
	return f
}

// IsTerminal reports whether the script's fd is a terminal.
func IsTerminal(rt *goja.Runtime, fd int) bool { return terminal(rt, fd) != nil }

func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	h.Set("isatty", func(fd int) bool { return IsTerminal(rt, fd) })
	h.Set("canInit", func(fd int) bool { return canInit(rt, fd) })
	// size(fd) -> [columns, rows], or null when fd is no terminal.
	h.Set("size", func(fd int) goja.Value {
		f := terminal(rt, fd)
		if f == nil {
			return goja.Null()
		}
		ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
		if err != nil {
			return goja.Null()
		}
		return rt.ToValue([]int{int(ws.Col), int(ws.Row)})
	})
	var saved *unix.Termios
	// setRawMode(fd, on) -> an errno name or "": raw as libuv's UV_TTY_MODE_RAW
	// (cfmakeraw), restoring the saved settings when turned off.
	h.Set("setRawMode", func(fd int, on bool) string {
		f := terminal(rt, fd)
		if f == nil {
			return "ENOTTY"
		}
		ifd := int(f.Fd())
		if !on {
			if saved != nil {
				if err := unix.IoctlSetTermios(ifd, unix.TCSETS, saved); err != nil {
					return "EIO"
				}
			}
			return ""
		}
		t, err := unix.IoctlGetTermios(ifd, unix.TCGETS)
		if err != nil {
			return "ENOTTY"
		}
		if saved == nil {
			orig := *t
			saved = &orig
		}
		t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
		t.Oflag &^= unix.OPOST
		t.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG | unix.IEXTEN
		t.Cflag &^= unix.CSIZE | unix.PARENB
		t.Cflag |= unix.CS8
		t.Cc[unix.VMIN], t.Cc[unix.VTIME] = 1, 0
		if err := unix.IoctlSetTermios(ifd, unix.TCSETS, t); err != nil {
			return "EIO"
		}
		return ""
	})
	return h
}
