package fs

import (
	"errors"
	"io"
	iofs "io/fs"
	"syscall"

	"github.com/dop251/goja"
)

// installFd adds the file-descriptor calls (open, read, write, close,
// fstat). fds 0-2 are the script's stdio.
func (b *binding) installFd(set func(string, any)) {
	fsys := b.host.FS()
	set("open", func(p string, flags, mode int, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			f, err := fsys.OpenFile(a, flags, iofs.FileMode(mode))
			if err != nil {
				return nil, uvErr(err, "open", p)
			}
			return b.addFile(f), nil
		}, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("close", func(fd int, cb goja.Value) goja.Value {
		f, err := b.takeFile(fd)
		return b.do(cb, func() (any, error) {
			if err != nil {
				return nil, err
			}
			return nil, fdErr(f.Close(), "close")
		}, b.undef)
	})
	set("read", func(fd int, buf goja.Value, off, length int, pos int64, cb goja.Value) goja.Value {
		var dst []byte
		if err := b.rt.ExportTo(buf, &dst); err != nil {
			panic(b.rt.NewTypeError("fs.read: buffer must be a Uint8Array"))
		}
		if off < 0 || length < 0 || off+length > len(dst) {
			panic(b.rangeError("ERR_OUT_OF_RANGE", "The value of \"length\" is out of range."))
		}
		dst = dst[off : off+length]
		f, ferr := b.file(fd)
		return b.do(cb, func() (any, error) {
			if ferr != nil {
				return nil, ferr
			}
			var n int
			var err error
			if pos >= 0 {
				n, err = f.ReadAt(dst, pos)
			} else {
				n, err = f.Read(dst)
			}
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return n, fdErr(err, "read")
		}, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("write", func(fd int, data goja.Value, pos int64, cb goja.Value) goja.Value {
		buf := b.bytes(data, cb)
		if fd == 1 || fd == 2 {
			// stdio is written on the loop, in order with console output,
			// even for the callback form.
			return b.do(cb, func() (any, error) { return len(buf), nil }, func(res any) goja.Value {
				_ = b.host.Write(fd, buf)
				return b.rt.ToValue(res)
			})
		}
		f, ferr := b.file(fd)
		return b.do(cb, func() (any, error) {
			if ferr != nil {
				return nil, ferr
			}
			var n int
			var err error
			if pos >= 0 {
				n, err = f.WriteAt(buf, pos)
			} else {
				n, err = f.Write(buf)
			}
			return n, fdErr(err, "write")
		}, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("fstat", func(fd int, cb goja.Value) goja.Value {
		f, ferr := b.file(fd)
		return b.do(cb, func() (any, error) {
			if ferr != nil {
				return nil, ferr
			}
			fi, err := f.Stat()
			return fi, fdErr(err, "fstat")
		}, b.statArray)
	})
}

func (b *binding) rangeError(code, msg string) goja.Value {
	e, err := b.rt.New(b.rt.Get("RangeError"), b.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	_ = e.Set("code", code)
	return e
}

func (b *binding) addFile(f File) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.mu.files == nil {
		b.mu.files = map[int]File{}
		b.mu.nextFd = 3
	}
	fd := b.mu.nextFd
	b.mu.nextFd++
	b.mu.files[fd] = f
	return fd
}

func (b *binding) file(fd int) (File, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.mu.files[fd]
	if !ok {
		return nil, &uvError{errno: syscall.EBADF, syscall: "read"}
	}
	return f, nil
}

func (b *binding) takeFile(fd int) (File, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.mu.files[fd]
	if !ok {
		return nil, &uvError{errno: syscall.EBADF, syscall: "close"}
	}
	delete(b.mu.files, fd)
	return f, nil
}
