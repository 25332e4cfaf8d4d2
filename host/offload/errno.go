package offload

import (
	"errors"
	"io/fs"
	"syscall"
)

// escapeMessage is the text of os.Root's unexported error for a path that
// leaves the root. The confinement tests pin the errno it maps to, so a Go
// release that rewords it fails them rather than silently changing errnos.
const escapeMessage = "path escapes from parent"

// errnoOf is the errno the guest receives for err: the errno inside it;
// EACCES for a path that os.Root refused because it (through ".." or a
// symbolic link) leaves the mount; otherwise the nearest errno for the
// fs sentinel errors, and EIO for the rest.
func errnoOf(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == escapeMessage {
			return syscall.EACCES
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES
	case errors.Is(err, fs.ErrClosed):
		return syscall.EBADF
	case errors.Is(err, fs.ErrInvalid):
		return syscall.EINVAL
	}
	return syscall.EIO
}
