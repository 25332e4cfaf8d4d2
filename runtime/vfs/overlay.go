package vfs

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Overlay serves a read-only io/fs.FS (an image's app bundle) at a root
// over a writable FS (the host's files, through the Messenger), so that
// __filename, stack traces and relative requires name the same paths as
// `ebbnode exec` on the host.
//
// Reads of a path the bundle holds are served from the bundle; everything
// else, and every write, goes to the writable FS. A path that has been
// written, renamed or removed is served by the writable FS from then on,
// so a script that rewrites one of its own bundled files reads back what
// it wrote. The bundle holds no symbolic links.
type Overlay struct {
	root  string // clean absolute path the bundle appears at
	lower fs.FS
	upper FS

	mu      sync.Mutex
	touched map[string]bool // clean paths written, renamed or removed
}

var _ FS = (*Overlay)(nil)

// NewOverlay serves lower (names relative to root) at root over upper.
func NewOverlay(lower fs.FS, root string, upper FS) *Overlay {
	return &Overlay{root: path.Clean(root), lower: lower, upper: upper, touched: map[string]bool{}}
}

// rel returns name's path inside the bundle, if the bundle may serve it:
// under root and not changed by the script since.
func (o *Overlay) rel(name string) (string, bool) {
	p := path.Clean(name)
	var rel string
	switch {
	case p == o.root:
		rel = "."
	case strings.HasPrefix(p, o.root+"/") || o.root == "/":
		rel = strings.TrimPrefix(strings.TrimPrefix(p, o.root), "/")
	default:
		return "", false
	}
	if strings.HasSuffix(name, "/") && rel != "." {
		// "file/" names a directory: a bundled file is not it (the
		// writable FS answers, ENOTDIR where it has the same file).
		if fi, err := fs.Stat(o.lower, rel); err == nil && !fi.IsDir() {
			return "", false
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for q := p; ; q = path.Dir(q) {
		if o.touched[q] {
			return "", false
		}
		if q == "/" || q == "." {
			break
		}
	}
	return rel, true
}

// touch records that name changed in the writable FS.
func (o *Overlay) touch(names ...string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, n := range names {
		o.touched[path.Clean(n)] = true
	}
}

// ReadFile implements FS.
func (o *Overlay) ReadFile(name string) ([]byte, error) {
	if rel, ok := o.rel(name); ok {
		if b, err := fs.ReadFile(o.lower, rel); err == nil {
			return b, nil
		}
	}
	return o.upper.ReadFile(name)
}

// Stat implements FS.
func (o *Overlay) Stat(name string) (fs.FileInfo, error) {
	if rel, ok := o.rel(name); ok {
		if fi, err := fs.Stat(o.lower, rel); err == nil {
			return fi, nil
		}
	}
	return o.upper.Stat(name)
}

// Lstat implements FS: the bundle holds no symbolic links.
func (o *Overlay) Lstat(name string) (fs.FileInfo, error) {
	if rel, ok := o.rel(name); ok {
		if fi, err := fs.Stat(o.lower, rel); err == nil {
			return fi, nil
		}
	}
	return o.upper.Lstat(name)
}

// ReadDir implements FS: a directory the bundle holds lists the
// union of the bundle's entries and the writable FS's.
func (o *Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	rel, ok := o.rel(name)
	if !ok {
		return o.upper.ReadDir(name)
	}
	lower, lerr := fs.ReadDir(o.lower, rel)
	upper, uerr := o.upper.ReadDir(name)
	if lerr != nil {
		return upper, uerr
	}
	seen := map[string]bool{}
	out := make([]fs.DirEntry, 0, len(lower)+len(upper))
	for _, e := range lower {
		seen[e.Name()] = true
		out = append(out, e)
	}
	if uerr == nil {
		for _, e := range upper {
			if !seen[e.Name()] {
				out = append(out, e)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// WriteFile implements FS.
func (o *Overlay) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	if appendMode {
		if err := o.copyUp(name); err != nil {
			return err
		}
	}
	o.touch(name)
	return o.upper.WriteFile(name, data, appendMode, perm)
}

// copyUp gives the writable FS a bundled file's contents before the script
// changes it in place, as appending does. A file the writable FS has is
// left alone.
func (o *Overlay) copyUp(name string) error {
	rel, ok := o.rel(name)
	if !ok {
		return nil
	}
	data, err := fs.ReadFile(o.lower, rel)
	if err != nil {
		return nil // not in the bundle
	}
	if _, err := o.upper.Stat(name); err == nil {
		return nil
	}
	return o.upper.WriteFile(name, data, false, 0o644)
}

// Mkdir implements FS.
func (o *Overlay) Mkdir(name string, all bool, perm fs.FileMode) error {
	return o.upper.Mkdir(name, all, perm)
}

// Unlink implements FS.
func (o *Overlay) Unlink(name string) error {
	o.touch(name)
	return o.upper.Unlink(name)
}

// Rmdir implements FS.
func (o *Overlay) Rmdir(name string) error {
	o.touch(name)
	return o.upper.Rmdir(name)
}

// RemoveAll implements FS.
func (o *Overlay) RemoveAll(name string) error {
	o.touch(name)
	return o.upper.RemoveAll(name)
}

// Rename implements FS.
func (o *Overlay) Rename(from, to string) error {
	if err := o.copyUp(from); err != nil {
		return err
	}
	o.touch(from, to)
	return o.upper.Rename(from, to)
}

// OpenFile implements FS: a bundled file opened read-only is served
// from the bundle; any other open reaches the writable FS (a bundled file
// opened for writing is copied up first, so O_APPEND and partial writes
// keep its contents).
func (o *Overlay) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	const writeFlags = os.O_WRONLY | os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_APPEND
	if flag&writeFlags == 0 {
		if rel, ok := o.rel(name); ok {
			if data, err := fs.ReadFile(o.lower, rel); err == nil {
				fi, serr := fs.Stat(o.lower, rel)
				if serr == nil && !fi.IsDir() {
					return newMemFile(name, data, fi), nil
				}
			}
		}
		return o.upper.OpenFile(name, flag, perm)
	}
	if flag&os.O_TRUNC == 0 { // keep the bundled contents
		if err := o.copyUp(name); err != nil {
			return nil, err
		}
	}
	o.touch(name)
	return o.upper.OpenFile(name, flag, perm)
}

// Truncate implements FS; a bundled file is copied up first.
func (o *Overlay) Truncate(name string, size int64) error {
	if err := o.copyUp(name); err != nil {
		return err
	}
	o.touch(name)
	return o.upper.Truncate(name, size)
}

// Chmod implements FS; a bundled file is copied up first.
func (o *Overlay) Chmod(name string, mode fs.FileMode) error {
	if err := o.copyUp(name); err != nil {
		return err
	}
	o.touch(name)
	return o.upper.Chmod(name, mode)
}

// Chtimes implements FS; a bundled file is copied up first.
func (o *Overlay) Chtimes(name string, atime, mtime time.Time) error {
	if err := o.copyUp(name); err != nil {
		return err
	}
	o.touch(name)
	return o.upper.Chtimes(name, atime, mtime)
}

// Symlink implements FS.
func (o *Overlay) Symlink(oldname, newname string) error {
	o.touch(newname)
	return o.upper.Symlink(oldname, newname)
}

// Readlink implements FS: a bundled path is not a link (EINVAL from the
// writable FS, or its own answer if the path is only there).
func (o *Overlay) Readlink(name string) (string, error) {
	if rel, ok := o.rel(name); ok {
		if _, err := fs.Stat(o.lower, rel); err == nil {
			return "", &fs.PathError{Op: "readlink", Path: name, Err: syscall.EINVAL}
		}
	}
	return o.upper.Readlink(name)
}
