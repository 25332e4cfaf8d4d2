package fs

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// FS is the file system the module works on: the runtime's file-system
// service (runtime/vfs), reached through the FileSystem Ebb.
type FS = vfs.FS

// File is an open file of an FS.
type File = vfs.File

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
