package messenger

import (
	"io/fs"
	"syscall"
	"time"

	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// Client is the file system of a native image: each call goes to the
// host (see fs.go and file.go for the calls on the wire).
var _ vfs.FS = (*Client)(nil)

// RemoveAll removes a file or a whole tree, succeeding when name does not
// exist (vfs.FS).
func (c *Client) RemoveAll(name string) error { return c.Remove(name, true) }

// OpenFile is Open returning a vfs.File (vfs.FS).
func (c *Client) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	f, err := c.Open(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// TEMPORARY (removed when the protocol gains Truncate, Chmod, Chtimes,
// Symlink and Readlink messages): until then these calls fail with
// ENOSYS, as they did before the Client was a vfs.FS.

func enosys(op, name string) error { return &fs.PathError{Op: op, Path: name, Err: syscall.ENOSYS} }

// Truncate is not on the wire yet: ENOSYS.
func (c *Client) Truncate(name string, size int64) error { return enosys("truncate", name) }

// Chmod is not on the wire yet: ENOSYS.
func (c *Client) Chmod(name string, mode fs.FileMode) error { return enosys("chmod", name) }

// Chtimes is not on the wire yet: ENOSYS.
func (c *Client) Chtimes(name string, atime, mtime time.Time) error { return enosys("chtimes", name) }

// Symlink is not on the wire yet: ENOSYS.
func (c *Client) Symlink(oldname, newname string) error { return enosys("symlink", newname) }

// Readlink is not on the wire yet: ENOSYS.
func (c *Client) Readlink(name string) (string, error) { return "", enosys("readlink", name) }
