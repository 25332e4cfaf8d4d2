package fs

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"path"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

// uvError is a failed file operation as node reports it: errno, the
// libuv syscall name and the paths involved.
type uvError struct {
	errno   syscall.Errno
	syscall string
	path    string // as the script gave it
	dest    string
	// hasPath: node names the path even when it is "" (open ''); a
	// uvError without it and with an empty path names none (read, close).
	hasPath bool
}

func (e *uvError) named() bool { return e.hasPath || e.path != "" }

func (e *uvError) Error() string {
	code, msg := uvName(e.errno)
	s := fmt.Sprintf("%s: %s, %s", code, msg, e.syscall)
	if e.named() {
		s += fmt.Sprintf(" '%s'", e.path)
	}
	if e.dest != "" {
		s += fmt.Sprintf(" -> '%s'", e.dest)
	}
	return s
}

// uvErr is the error of a call on path p (named even when empty).
func uvErr(err error, syscall, p string) error {
	if err == nil {
		return nil
	}
	return &uvError{errno: errnoOf(err), syscall: syscall, path: p, hasPath: true}
}

// fdErr is the error of a call on a file descriptor: node names no path.
func fdErr(err error, syscall string) error {
	if err == nil {
		return nil
	}
	return &uvError{errno: errnoOf(err), syscall: syscall}
}

// binding is the Go half of fs.js for one runtime.
type binding struct {
	rt   *goja.Runtime
	host Host
	pool pool // the asynchronous calls

	mu struct {
		sync.Mutex
		files  map[int]File
		nextFd int
	}
}

// toJS converts an operation's error to the JS error node throws.
func (b *binding) toJS(err error) goja.Value {
	rt := b.rt
	var rd *rmDirError
	if errors.As(err, &rd) {
		e, nerr := rt.New(rt.Get("Error"), rt.ToValue(rd.Error()))
		if nerr != nil {
			return rt.NewGoError(err)
		}
		_ = e.DefineDataProperty("name", rt.ToValue("SystemError"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = e.Set("code", "ERR_FS_EISDIR")
		_ = e.Set("info", map[string]any{"code": "EISDIR", "message": "is a directory", "path": rd.path, "syscall": "rm", "errno": 21})
		_ = e.Set("errno", 21)
		_ = e.Set("syscall", "rm")
		_ = e.Set("path", rd.path)
		return e
	}
	var ue *uvError
	if !errors.As(err, &ue) {
		return rt.NewGoError(err)
	}
	code, _ := uvName(ue.errno)
	e, nerr := rt.New(rt.Get("Error"), rt.ToValue(ue.Error()))
	if nerr != nil {
		return rt.NewGoError(err)
	}
	_ = e.Set("errno", -int(ue.errno))
	_ = e.Set("code", code)
	_ = e.Set("syscall", ue.syscall)
	if ue.named() {
		_ = e.Set("path", ue.path)
	}
	if ue.dest != "" {
		_ = e.Set("dest", ue.dest)
	}
	return e
}

// do runs work synchronously (cb not a function: the result is returned or
// the error thrown) or through the pool with cb(err) / cb(null, result)
// called on the loop later. conv turns work's result into JS, on the loop.
func (b *binding) do(cb goja.Value, work func() (any, error), conv func(any) goja.Value) goja.Value {
	fn, async := goja.AssertFunction(cb)
	if !async {
		res, err := work()
		if err != nil {
			panic(b.toJS(err))
		}
		return conv(res)
	}
	var (
		res any
		err error
	)
	b.pool.submit(func() { res, err = work() }, func() {
		var cerr error
		if err != nil {
			_, cerr = fn(goja.Undefined(), b.toJS(err))
		} else {
			_, cerr = fn(goja.Undefined(), goja.Null(), conv(res))
		}
		if cerr != nil {
			panic(cerr)
		}
	})
	return goja.Undefined()
}

// abs makes a script's path absolute for the FS. It keeps what the system
// call would see: "" stays "" (ENOENT, not the working directory) and a
// trailing slash stays (so "file/" is ENOTDIR, as in node).
func (b *binding) abs(p string) string {
	if p == "" {
		return ""
	}
	a := p
	if !path.IsAbs(p) {
		a = path.Join(b.host.Cwd(), p)
	}
	a = path.Clean(a)
	if strings.HasSuffix(p, "/") && a != "/" {
		a += "/"
	}
	return a
}

func (b *binding) undef(any) goja.Value { return goja.Undefined() }

// bytes is the data of a write: a string's bytes, or a Uint8Array's own
// memory. A synchronous call (cb not a function) gets the array's memory
// itself, not a copy, which would double the guest's peak for a large
// write: no JS runs until the call returns, and no FS keeps the slice
// after it. An asynchronous call gets a copy, because its work reads the
// data off the loop while the script may already change the buffer.
func (b *binding) bytes(v, cb goja.Value) []byte {
	if s, ok := v.Export().(string); ok {
		return []byte(s)
	}
	var out []byte
	if err := b.rt.ExportTo(v, &out); err != nil {
		panic(b.rt.NewTypeError("fs: data must be a string or a Uint8Array"))
	}
	if _, async := goja.AssertFunction(cb); !async {
		return out
	}
	return append([]byte(nil), out...)
}

func (b *binding) arrayBuffer(res any) goja.Value {
	return b.rt.ToValue(b.rt.NewArrayBuffer(res.([]byte)))
}

// install sets the binding's functions on obj.
func (b *binding) install(obj *goja.Object) {
	fsys := b.host.FS()
	set := func(name string, fn any) { _ = obj.Set(name, fn) }

	set("readFile", func(p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			data, err := fsys.ReadFile(a)
			if err != nil && errnoOf(err) == syscall.EISDIR {
				return nil, &uvError{errno: syscall.EISDIR, syscall: "read"}
			}
			return data, uvErr(err, "open", p)
		}, b.arrayBuffer)
	})
	set("readStdin", func(cb goja.Value) goja.Value {
		in := b.host.Stdin()
		return b.do(cb, func() (any, error) {
			data, err := io.ReadAll(in)
			return data, fdErr(err, "read")
		}, b.arrayBuffer)
	})
	set("writeFile", func(p string, data goja.Value, mode int, appendMode bool, cb goja.Value) goja.Value {
		a, buf := b.abs(p), b.bytes(data, cb)
		return b.do(cb, func() (any, error) {
			return nil, uvErr(fsys.WriteFile(a, buf, appendMode, iofs.FileMode(mode)), "open", p)
		}, b.undef)
	})
	set("stat", func(p string, follow bool, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			if follow {
				fi, err := fsys.Stat(a)
				return fi, uvErr(err, "stat", p)
			}
			fi, err := fsys.Lstat(a)
			return fi, uvErr(err, "lstat", p)
		}, b.statArray)
	})
	set("exists", func(p string) bool {
		_, err := fsys.Stat(b.abs(p))
		return err == nil
	})
	set("access", func(p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			_, err := fsys.Stat(a)
			return nil, uvErr(err, "access", p)
		}, b.undef)
	})
	set("readdir", func(p string, withTypes bool, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			ents, err := fsys.ReadDir(a)
			return ents, uvErr(err, "scandir", p)
		}, func(res any) goja.Value { return b.dirents(res.([]iofs.DirEntry), withTypes) })
	})
	set("mkdir", func(p string, mode int, recursive bool, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) { return b.mkdir(a, p, mode, recursive) }, func(res any) goja.Value {
			if s, _ := res.(string); s != "" {
				return b.rt.ToValue(s)
			}
			return goja.Undefined()
		})
	})
	set("unlink", func(p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) { return nil, uvErr(fsys.Unlink(a), "unlink", p) }, b.undef)
	})
	set("rmdir", func(p string, recursive bool, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			if recursive {
				return nil, uvErr(fsys.RemoveAll(a), "rmdir", p)
			}
			return nil, uvErr(fsys.Rmdir(a), "rmdir", p)
		}, b.undef)
	})
	set("rm", func(p string, recursive, force bool, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) { return nil, b.rm(a, p, recursive, force) }, b.undef)
	})
	set("rename", func(from, to string, cb goja.Value) goja.Value {
		af, at := b.abs(from), b.abs(to)
		return b.do(cb, func() (any, error) {
			if err := fsys.Rename(af, at); err != nil {
				return nil, &uvError{errno: errnoOf(err), syscall: "rename", path: from, dest: to}
			}
			return nil, nil
		}, b.undef)
	})
	set("copyFile", func(src, dst string, excl bool, cb goja.Value) goja.Value {
		as, ad := b.abs(src), b.abs(dst)
		return b.do(cb, func() (any, error) { return nil, b.copyFile(as, ad, src, dst, excl) }, b.undef)
	})
	b.installFd(set)
	b.installMore(set)
}

// mkdir creates a directory and, when recursive, returns the first
// directory it had to create (node's return value), spelled as the
// script's path spells it (relative stays relative).
func (b *binding) mkdir(a, p string, mode int, recursive bool) (any, error) {
	fsys := b.host.FS()
	if !recursive {
		return nil, uvErr(fsys.Mkdir(a, false, iofs.FileMode(mode)), "mkdir", p)
	}
	first := ""
	for d := p; d != "" && d != "." && d != "/"; d = dirname(d) {
		if _, err := fsys.Stat(b.abs(d)); err == nil {
			break
		}
		first = d
	}
	if fi, err := fsys.Stat(a); err == nil {
		if !fi.IsDir() {
			return nil, &uvError{errno: syscall.EEXIST, syscall: "mkdir", path: p}
		}
		// Nothing to create: succeed without asking the FS, which may be
		// read-only (node's mkdirp succeeds there too).
		return nil, nil
	}
	if err := fsys.Mkdir(a, true, iofs.FileMode(mode)); err != nil {
		return nil, uvErr(err, "mkdir", p)
	}
	return first, nil
}

// dirname drops p's last component as node's mkdirp does: at the last
// slash, without cleaning ("a/b/" gives "a/b", "./a" gives ".").
func dirname(p string) string {
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return p[:i]
}

// rm is node 20's fs.rm: lstat first, refuse directories unless recursive,
// ignore a missing path under force.
func (b *binding) rm(a, p string, recursive, force bool) error {
	fsys := b.host.FS()
	fi, err := fsys.Lstat(a)
	if err != nil {
		if force && errnoOf(err) == syscall.ENOENT {
			return nil
		}
		return uvErr(err, "lstat", p)
	}
	if fi.IsDir() {
		if !recursive {
			return &rmDirError{path: p}
		}
		return uvErr(fsys.RemoveAll(a), "rm", p)
	}
	return uvErr(fsys.Unlink(a), "unlink", p)
}

// rmDirError is node's ERR_FS_EISDIR SystemError.
type rmDirError struct{ path string }

func (e *rmDirError) Error() string {
	return "Path is a directory: rm returned EISDIR (is a directory) " + e.path
}

func (b *binding) copyFile(as, ad, src, dst string, excl bool) error {
	fsys := b.host.FS()
	data, err := fsys.ReadFile(as)
	if err != nil {
		return &uvError{errno: errnoOf(err), syscall: "copyfile", path: src, dest: dst}
	}
	mode := iofs.FileMode(0o644)
	if fi, err := fsys.Stat(as); err == nil {
		mode = fi.Mode().Perm()
	}
	if excl {
		if _, err := fsys.Stat(ad); err == nil {
			return &uvError{errno: syscall.EEXIST, syscall: "copyfile", path: src, dest: dst}
		}
	}
	if err := fsys.WriteFile(ad, data, false, mode); err != nil {
		return &uvError{errno: errnoOf(err), syscall: "copyfile", path: src, dest: dst}
	}
	return nil
}

// statArray flattens a FileInfo into the numbers fs.js's Stats takes:
// dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs,
// mtimeMs, ctimeMs, birthtimeMs.
func (b *binding) statArray(res any) goja.Value {
	fi := res.(iofs.FileInfo)
	mtime := msOf(fi.ModTime())
	vals := []any{0, modeBits(fi), 1, 0, 0, 0, 4096, 0, fi.Size(), (fi.Size() + 511) / 512, mtime, mtime, mtime, 0}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		vals = []any{st.Dev, st.Mode, st.Nlink, st.Uid, st.Gid, st.Rdev, st.Blksize, st.Ino, st.Size, st.Blocks,
			tsMs(st.Atim), tsMs(st.Mtim), tsMs(st.Ctim), 0}
	}
	return b.rt.NewArray(vals...)
}

func msOf(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }

func tsMs(ts syscall.Timespec) float64 {
	return float64(ts.Sec)*1e3 + float64(ts.Nsec)/1e6
}

// modeBits is st_mode for a FileInfo without a Stat_t.
func modeBits(fi iofs.FileInfo) uint32 {
	m := uint32(fi.Mode().Perm())
	switch {
	case fi.IsDir():
		m |= syscall.S_IFDIR
	case fi.Mode()&iofs.ModeSymlink != 0:
		m |= syscall.S_IFLNK
	default:
		m |= syscall.S_IFREG
	}
	return m
}

// dirents is readdir's result: names, or [name, type] pairs with node's
// UV_DIRENT_* types (1 file, 2 dir, 3 link) for withFileTypes.
func (b *binding) dirents(ents []iofs.DirEntry, withTypes bool) goja.Value {
	out := make([]any, len(ents))
	for i, e := range ents {
		if !withTypes {
			out[i] = e.Name()
			continue
		}
		t := 1
		switch {
		case e.IsDir():
			t = 2
		case e.Type()&iofs.ModeSymlink != 0:
			t = 3
		case !e.Type().IsRegular():
			t = 0
		}
		out[i] = b.rt.NewArray(e.Name(), t)
	}
	return b.rt.NewArray(out...)
}
