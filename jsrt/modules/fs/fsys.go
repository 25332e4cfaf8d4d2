package fs

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// FS is all the file access ebbnode's JavaScript side performs: the fs
// module's operations and the module loader's reads. It is deliberately
// narrow so that the native image can serve it by offloading each call to
// the hosted side over the Messenger.
//
// Names are absolute, slash-separated paths. Errors must carry an errno
// (a syscall.Errno reachable with errors.As, as in *fs.PathError from the
// os package): the fs module turns it into node's error codes (ENOENT,
// EEXIST, ...). An error without an errno is reported as EIO.
//
// Implementations must be safe for concurrent use: asynchronous fs calls run
// on their own goroutines.
type FS interface {
	// ReadFile returns the whole contents of the file.
	ReadFile(name string) ([]byte, error)
	// WriteFile creates or truncates the file (or appends to it when
	// appendMode is set) and writes data.
	WriteFile(name string, data []byte, perm iofs.FileMode, appendMode bool) error
	// Stat follows symbolic links; Lstat does not.
	Stat(name string) (iofs.FileInfo, error)
	Lstat(name string) (iofs.FileInfo, error)
	// ReadDir returns the entries of a directory sorted by name.
	ReadDir(name string) ([]iofs.DirEntry, error)
	// Mkdir creates a directory; with all set it also creates missing
	// parents and succeeds if the directory already exists.
	Mkdir(name string, perm iofs.FileMode, all bool) error
	// Unlink removes a file (not a directory), Rmdir an empty directory,
	// and RemoveAll a file or a whole tree (succeeding if name is absent).
	Unlink(name string) error
	Rmdir(name string) error
	RemoveAll(name string) error
	// Rename moves from to to, replacing to if it is a file.
	Rename(from, to string) error
	// Open opens a file with os.OpenFile flags (O_RDONLY, O_CREATE, ...).
	Open(name string, flag int, perm iofs.FileMode) (File, error)
}

// File is an open file, as returned by FS.Open.
type File interface {
	io.ReaderAt
	io.WriterAt
	io.Reader
	io.Writer
	io.Closer
	Stat() (iofs.FileInfo, error)
}

// OSFS is the FS of the host operating system: the default when ebbnode runs
// hosted.
type OSFS struct{}

var _ FS = OSFS{}

// ReadFile implements FS.
func (OSFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// WriteFile implements FS.
func (OSFS) WriteFile(name string, data []byte, perm iofs.FileMode, appendMode bool) error {
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
func (OSFS) Stat(name string) (iofs.FileInfo, error) { return os.Stat(name) }

// Lstat implements FS.
func (OSFS) Lstat(name string) (iofs.FileInfo, error) { return os.Lstat(name) }

// ReadDir implements FS.
func (OSFS) ReadDir(name string) ([]iofs.DirEntry, error) { return os.ReadDir(name) }

// Mkdir implements FS.
func (OSFS) Mkdir(name string, perm iofs.FileMode, all bool) error {
	if all {
		return os.MkdirAll(name, perm)
	}
	return os.Mkdir(name, perm)
}

// Unlink implements FS with unlink(2) alone: os.Remove would fall back to
// rmdir and so remove empty directories, which node's unlink refuses.
func (OSFS) Unlink(name string) error {
	if err := syscall.Unlink(name); err != nil {
		return &iofs.PathError{Op: "unlink", Path: name, Err: err}
	}
	return nil
}

// Rmdir implements FS.
func (OSFS) Rmdir(name string) error {
	if err := syscall.Rmdir(name); err != nil {
		return &iofs.PathError{Op: "rmdir", Path: name, Err: err}
	}
	return nil
}

// RemoveAll implements FS.
func (OSFS) RemoveAll(name string) error { return os.RemoveAll(name) }

// Rename implements FS.
func (OSFS) Rename(from, to string) error { return os.Rename(from, to) }

// Open implements FS.
func (OSFS) Open(name string, flag int, perm iofs.FileMode) (File, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// errnoOf extracts the errno an FS error carries; EIO when it has none.
func errnoOf(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	if errors.Is(err, iofs.ErrNotExist) {
		return syscall.ENOENT
	}
	if errors.Is(err, iofs.ErrExist) {
		return syscall.EEXIST
	}
	if errors.Is(err, iofs.ErrPermission) {
		return syscall.EACCES
	}
	return syscall.EIO
}

// uvErr is libuv's name and message for errnos a script is likely to meet.
var uvNames = map[syscall.Errno][2]string{
	syscall.ENOENT:       {"ENOENT", "no such file or directory"},
	syscall.EEXIST:       {"EEXIST", "file already exists"},
	syscall.ENOTDIR:      {"ENOTDIR", "not a directory"},
	syscall.EISDIR:       {"EISDIR", "illegal operation on a directory"},
	syscall.ENOTEMPTY:    {"ENOTEMPTY", "directory not empty"},
	syscall.EACCES:       {"EACCES", "permission denied"},
	syscall.EPERM:        {"EPERM", "operation not permitted"},
	syscall.EBADF:        {"EBADF", "bad file descriptor"},
	syscall.EINVAL:       {"EINVAL", "invalid argument"},
	syscall.EMFILE:       {"EMFILE", "too many open files"},
	syscall.EXDEV:        {"EXDEV", "cross-device link not permitted"},
	syscall.ELOOP:        {"ELOOP", "too many symbolic links encountered"},
	syscall.ENAMETOOLONG: {"ENAMETOOLONG", "name too long"},
	syscall.EROFS:        {"EROFS", "read-only file system"},
	syscall.ENOSPC:       {"ENOSPC", "no space left on device"},
	syscall.EBUSY:        {"EBUSY", "resource busy or locked"},
	syscall.EIO:          {"EIO", "i/o error"},
}

// uvName returns libuv's code and message for errno e.
func uvName(e syscall.Errno) (code, msg string) {
	if m, ok := uvNames[e]; ok {
		return m[0], m[1]
	}
	return fmt.Sprintf("E%d", int(e)), e.Error()
}

// AttrFS is implemented by file systems that can change file attributes
// (chmod, utimes, truncate). The fs module reports ENOSYS for these calls
// on an FS without it, such as a read-only app bundle.
type AttrFS interface {
	Chmod(name string, mode iofs.FileMode) error
	Chtimes(name string, atime, mtime time.Time) error
	Truncate(name string, size int64) error
}

// LinkFS is implemented by file systems with symbolic links.
type LinkFS interface {
	Symlink(target, link string) error
	Readlink(name string) (string, error)
	// Realpath resolves every symbolic link in an absolute path.
	Realpath(name string) (string, error)
}

var (
	_ AttrFS = OSFS{}
	_ LinkFS = OSFS{}
)

// Chmod implements AttrFS.
func (OSFS) Chmod(name string, mode iofs.FileMode) error { return os.Chmod(name, mode) }

// Chtimes implements AttrFS.
func (OSFS) Chtimes(name string, atime, mtime time.Time) error {
	return os.Chtimes(name, atime, mtime)
}

// Truncate implements AttrFS.
func (OSFS) Truncate(name string, size int64) error { return os.Truncate(name, size) }

// Symlink implements LinkFS.
func (OSFS) Symlink(target, link string) error { return os.Symlink(target, link) }

// Readlink implements LinkFS.
func (OSFS) Readlink(name string) (string, error) { return os.Readlink(name) }

// Realpath implements LinkFS.
func (OSFS) Realpath(name string) (string, error) { return filepath.EvalSymlinks(name) }
