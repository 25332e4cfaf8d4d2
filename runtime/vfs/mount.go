package vfs

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
	"time"
)

// Mount serves one FS at a directory (an image's in-memory /tmp) over
// another, except for the subtrees listed as kept, which the lower FS
// keeps serving (host directories granted under /tmp). Renaming between
// the two fails with EXDEV, as across Linux mounts.
type Mount struct {
	lower FS
	at    string
	upper FS
	keep  []string
}

var _ FS = (*Mount)(nil)

// NewMount serves upper at the directory at, over lower, but leaves the
// paths at or under each of keep to lower.
func NewMount(lower FS, at string, upper FS, keep []string) *Mount {
	k := make([]string, 0, len(keep))
	for _, p := range keep {
		k = append(k, path.Clean(p))
	}
	return &Mount{lower: lower, at: path.Clean(at), upper: upper, keep: k}
}

func under(p, dir string) bool {
	return p == dir || dir == "/" || strings.HasPrefix(p, dir+"/")
}

// pick is the FS that serves name.
func (m *Mount) pick(name string) FS {
	p := path.Clean(name)
	if !strings.HasPrefix(name, "/") || !under(p, m.at) {
		return m.lower
	}
	for _, k := range m.keep {
		if under(p, k) {
			return m.lower
		}
	}
	return m.upper
}

// ReadFile implements FS.
func (m *Mount) ReadFile(name string) ([]byte, error) { return m.pick(name).ReadFile(name) }

// WriteFile implements FS.
func (m *Mount) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	return m.pick(name).WriteFile(name, data, appendMode, perm)
}

// Stat implements FS.
func (m *Mount) Stat(name string) (fs.FileInfo, error) { return m.pick(name).Stat(name) }

// Lstat implements FS.
func (m *Mount) Lstat(name string) (fs.FileInfo, error) { return m.pick(name).Lstat(name) }

// ReadDir implements FS.
func (m *Mount) ReadDir(name string) ([]fs.DirEntry, error) { return m.pick(name).ReadDir(name) }

// Mkdir implements FS.
func (m *Mount) Mkdir(name string, all bool, perm fs.FileMode) error {
	return m.pick(name).Mkdir(name, all, perm)
}

// Unlink implements FS.
func (m *Mount) Unlink(name string) error { return m.pick(name).Unlink(name) }

// Rmdir implements FS.
func (m *Mount) Rmdir(name string) error { return m.pick(name).Rmdir(name) }

// RemoveAll implements FS.
func (m *Mount) RemoveAll(name string) error { return m.pick(name).RemoveAll(name) }

// Rename implements FS.
func (m *Mount) Rename(from, to string) error {
	f := m.pick(from)
	if f != m.pick(to) {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
	}
	return f.Rename(from, to)
}

// OpenFile implements FS.
func (m *Mount) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	return m.pick(name).OpenFile(name, flag, perm)
}

// Truncate implements FS.
func (m *Mount) Truncate(name string, size int64) error { return m.pick(name).Truncate(name, size) }

// Chmod implements FS.
func (m *Mount) Chmod(name string, mode fs.FileMode) error { return m.pick(name).Chmod(name, mode) }

// Chtimes implements FS.
func (m *Mount) Chtimes(name string, atime, mtime time.Time) error {
	return m.pick(name).Chtimes(name, atime, mtime)
}

// Symlink implements FS: the link lives where newname is.
func (m *Mount) Symlink(oldname, newname string) error {
	return m.pick(newname).Symlink(oldname, newname)
}

// Readlink implements FS.
func (m *Mount) Readlink(name string) (string, error) { return m.pick(name).Readlink(name) }
