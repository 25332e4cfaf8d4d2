package vfs

import (
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// OSFS is the FS of the host operating system: what ebbnode uses when it
// runs hosted.
type OSFS struct{}

var _ FS = OSFS{}

// ReadFile implements FS.
func (OSFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// WriteFile implements FS.
func (OSFS) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendMode {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil {
		return werr
	}
	return cerr
}

// Stat implements FS.
func (OSFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// Lstat implements FS.
func (OSFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

// ReadDir implements FS.
func (OSFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// Mkdir implements FS.
func (OSFS) Mkdir(name string, all bool, perm fs.FileMode) error {
	if all {
		return os.MkdirAll(name, perm)
	}
	return os.Mkdir(name, perm)
}

// Unlink implements FS with unlink(2) alone: os.Remove would fall back to
// rmdir and so remove empty directories, which unlink refuses.
func (OSFS) Unlink(name string) error {
	if err := syscall.Unlink(name); err != nil {
		return &fs.PathError{Op: "unlink", Path: name, Err: err}
	}
	return nil
}

// Rmdir implements FS.
func (OSFS) Rmdir(name string) error {
	if err := syscall.Rmdir(name); err != nil {
		return &fs.PathError{Op: "rmdir", Path: name, Err: err}
	}
	return nil
}

// RemoveAll implements FS.
func (OSFS) RemoveAll(name string) error { return os.RemoveAll(name) }

// Rename implements FS with rename(2) alone: os.Rename refuses any
// directory as the target (EEXIST), where rename(2) replaces an empty
// directory with a directory and reports EISDIR for a file.
func (OSFS) Rename(from, to string) error {
	if err := syscall.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}

// OpenFile implements FS.
func (OSFS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	if flag&os.O_APPEND != 0 {
		return appendFile{f}, nil
	}
	return f, nil
}

// appendFile is a file opened with O_APPEND. Its WriteAt is pwrite(2),
// which on Linux appends whatever the offset (what a positional write on
// node's 'a' and 'a+' descriptors does); os.File.WriteAt refuses it.
type appendFile struct{ *os.File }

func (f appendFile) WriteAt(p []byte, off int64) (int, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return 0, err
	}
	n := 0
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		for n < len(p) && werr == nil {
			var k int
			k, e := syscall.Pwrite(int(fd), p[n:], off+int64(n))
			switch {
			case e == syscall.EINTR:
			case e != nil:
				werr = e
			case k == 0:
				werr = io.ErrShortWrite
			default:
				n += k
			}
		}
		return true
	})
	if err == nil {
		err = werr
	}
	if err != nil {
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: err}
	}
	return n, nil
}

// Truncate implements FS.
func (OSFS) Truncate(name string, size int64) error { return os.Truncate(name, size) }

// Chmod implements FS.
func (OSFS) Chmod(name string, mode fs.FileMode) error { return os.Chmod(name, mode) }

// Chtimes implements FS.
func (OSFS) Chtimes(name string, atime, mtime time.Time) error {
	return os.Chtimes(name, atime, mtime)
}

// Symlink implements FS.
func (OSFS) Symlink(oldname, newname string) error { return os.Symlink(oldname, newname) }

// Readlink implements FS.
func (OSFS) Readlink(name string) (string, error) { return os.Readlink(name) }
