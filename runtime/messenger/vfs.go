package messenger

import (
	"io/fs"

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
