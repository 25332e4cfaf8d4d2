package messenger

import (
	"io/fs"
	"os"
	"time"
)

// Truncate sets the file's size, as os.Truncate.
func (c *Client) Truncate(name string, size int64) error {
	if _, err := c.roundTrip(&TruncateRequest{Path: name, Size: size}); err != nil {
		return &fs.PathError{Op: "truncate", Path: name, Err: err}
	}
	return nil
}

// Chmod sets the file's permission bits (mode's setuid, setgid and sticky
// bits included), following symbolic links, as os.Chmod.
func (c *Client) Chmod(name string, mode fs.FileMode) error {
	if _, err := c.roundTrip(&ChmodRequest{Path: name, Perm: PermBits(mode)}); err != nil {
		return &fs.PathError{Op: "chmod", Path: name, Err: err}
	}
	return nil
}

// Chtimes sets the file's access and modification times, following
// symbolic links, as os.Chtimes.
func (c *Client) Chtimes(name string, atime, mtime time.Time) error {
	req := &UtimesRequest{Path: name, Atime: atime.UnixNano(), Mtime: mtime.UnixNano()}
	if _, err := c.roundTrip(req); err != nil {
		return &fs.PathError{Op: "chtimes", Path: name, Err: err}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname, as os.Symlink.
// The host refuses targets that lead outside newname's grant (EACCES) and
// may store a target inside it in relative form (see the package doc).
func (c *Client) Symlink(oldname, newname string) error {
	if _, err := c.roundTrip(&SymlinkRequest{Target: oldname, Path: newname}); err != nil {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: err}
	}
	return nil
}

// Readlink returns the target of the symbolic link name, as os.Readlink.
func (c *Client) Readlink(name string) (string, error) {
	m, err := c.roundTrip(&ReadlinkRequest{Path: name})
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return m.(*ReadlinkReply).Target, nil
}
