package fs

import (
	"crypto/rand"
	"errors"
	iofs "io/fs"
	"path"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// installMore adds the less common calls: attributes, links, mkdtemp,
// access modes and cp.
func (b *binding) installMore(set func(string, any)) {
	fsys := b.host.FS()

	set("chmod", func(p string, mode int, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			return nil, uvErr(fsys.Chmod(a, chmodMode(mode)), "chmod", p)
		}, b.undef)
	})
	set("utimes", func(p string, atime, mtime float64, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			return nil, uvErr(fsys.Chtimes(a, secTime(atime), secTime(mtime)), "utime", p)
		}, b.undef)
	})
	set("truncate", func(p string, size int64, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			return nil, uvErr(fsys.Truncate(a, size), "open", p)
		}, b.undef)
	})
	set("symlink", func(target, p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			if err := fsys.Symlink(target, a); err != nil {
				return nil, &uvError{errno: errnoOf(err), syscall: "symlink", path: target, dest: p}
			}
			return nil, nil
		}, b.undef)
	})
	set("readlink", func(p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			t, err := fsys.Readlink(a)
			return t, uvErr(err, "readlink", p)
		}, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("realpath", func(p string, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			r, err := vfs.Realpath(fsys, a)
			var pe *iofs.PathError
			if errors.As(err, &pe) {
				// node names the component that failed, not the argument.
				return nil, &uvError{errno: errnoOf(err), syscall: pe.Op, path: pe.Path}
			}
			return r, uvErr(err, "lstat", p)
		}, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("mkdtemp", func(prefix string, cb goja.Value) goja.Value {
		return b.do(cb, func() (any, error) { return b.mkdtemp(prefix) }, func(res any) goja.Value { return b.rt.ToValue(res) })
	})
	set("accessMode", func(p string, mode int, cb goja.Value) goja.Value {
		a := b.abs(p)
		return b.do(cb, func() (any, error) {
			fi, err := fsys.Stat(a)
			if err != nil {
				return nil, uvErr(err, "access", p)
			}
			if !permitted(fi, mode) {
				return nil, &uvError{errno: syscall.EACCES, syscall: "access", path: p}
			}
			return nil, nil
		}, b.undef)
	})
	set("cp", func(src, dst string, recursive, force, errorOnExist bool, cb goja.Value) goja.Value {
		as, ad := b.abs(src), b.abs(dst)
		return b.do(cb, func() (any, error) { return nil, b.cp(as, ad, src, dst, recursive, force, errorOnExist) }, b.undef)
	})
}

// chmodMode turns chmod(2) bits into an fs.FileMode, whose set-id and
// sticky bits are flags rather than the octal bits.
func chmodMode(mode int) iofs.FileMode {
	m := iofs.FileMode(mode & 0o777)
	if mode&0o4000 != 0 {
		m |= iofs.ModeSetuid
	}
	if mode&0o2000 != 0 {
		m |= iofs.ModeSetgid
	}
	if mode&0o1000 != 0 {
		m |= iofs.ModeSticky
	}
	return m
}

func secTime(s float64) time.Time {
	return time.Unix(0, int64(s*1e9))
}

const tempChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// mkdtemp creates prefix + six random characters, as libuv does.
func (b *binding) mkdtemp(prefix string) (any, error) {
	fsys := b.host.FS()
	for try := 0; try < 100; try++ {
		var rnd [6]byte
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, uvErr(err, "mkdtemp", prefix+"XXXXXX")
		}
		name := []byte(prefix)
		for _, r := range rnd {
			name = append(name, tempChars[int(r)%len(tempChars)])
		}
		err := fsys.Mkdir(b.abs(string(name)), false, 0o700)
		if err == nil {
			return string(name), nil
		}
		if errnoOf(err) != syscall.EEXIST {
			return nil, uvErr(err, "mkdtemp", prefix+"XXXXXX")
		}
	}
	return nil, &uvError{errno: syscall.EEXIST, syscall: "mkdtemp", path: prefix + "XXXXXX"}
}

// permitted is access(2) for R_OK (4), W_OK (2) and X_OK (1) from the
// file's mode bits and owner, as the calling user (root may read and write
// anything, and execute what anyone may).
func permitted(fi iofs.FileInfo, mode int) bool {
	perm := uint32(fi.Mode().Perm())
	uid, gid := uint32(syscall.Getuid()), uint32(syscall.Getgid())
	owner, group := uid+1, gid+1 // unknown owner: use "other" bits
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		owner, group = st.Uid, st.Gid
	}
	if uid == 0 {
		if mode&1 != 0 && perm&0o111 == 0 && !fi.IsDir() {
			return false
		}
		return true
	}
	var bits uint32
	switch {
	case uid == owner:
		bits = perm >> 6
	case gid == group:
		bits = perm >> 3
	default:
		bits = perm
	}
	return uint32(mode)&7&^bits == 0
}

// cp is fs.cp: a file, or with recursive a directory tree.
func (b *binding) cp(as, ad, src, dst string, recursive, force, errorOnExist bool) error {
	fsys := b.host.FS()
	fi, err := fsys.Stat(as)
	if err != nil {
		return uvErr(err, "lstat", src)
	}
	if !fi.IsDir() {
		if _, err := fsys.Stat(ad); err == nil {
			if !force {
				if errorOnExist {
					return &uvError{errno: syscall.EEXIST, syscall: "cp", path: dst}
				}
				return nil
			}
		}
		return b.copyFile(as, ad, src, dst, false)
	}
	if !recursive {
		return &uvError{errno: syscall.EISDIR, syscall: "cp", path: src}
	}
	if err := fsys.Mkdir(ad, true, fi.Mode().Perm()); err != nil {
		return uvErr(err, "mkdir", dst)
	}
	ents, err := fsys.ReadDir(as)
	if err != nil {
		return uvErr(err, "scandir", src)
	}
	for _, e := range ents {
		n := e.Name()
		if err := b.cp(path.Join(as, n), path.Join(ad, n), path.Join(src, n), path.Join(dst, n), true, force, errorOnExist); err != nil {
			return err
		}
	}
	return nil
}
