// Package remotefs gives jsrt the file system of a native image: the
// script's module sources come from the app bundle carried in the image,
// and every other file operation goes to the host over the Messenger
// (runtime/messenger), which serves it from the directories the user
// granted (host/offload).
//
// New(client, bundle) layers the two. The bundle is read-only and appears
// at its build-time root (bundle.Bundle.Root), so __filename, stack traces
// and relative requires name the same paths as `ebbnode exec` on the host.
// Reads of a path the bundle holds are served from the bundle; everything
// else, and every write, reaches the host. A path the script has written,
// renamed or removed is served by the host from then on, so a script that
// rewrites one of its own bundled files reads back what it wrote.
package remotefs

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	fsmod "github.com/ebbnode/ebbnode/jsrt/modules/fs"
	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// Messenger is a jsrt FS served entirely by the host over the Messenger.
// It is safe for concurrent use, as messenger.Client is.
type Messenger struct{ C *messenger.Client }

var _ fsmod.FS = Messenger{}

// ReadFile implements jsrt's FS.
func (m Messenger) ReadFile(name string) ([]byte, error) { return m.C.ReadFile(name) }

// WriteFile implements jsrt's FS.
func (m Messenger) WriteFile(name string, data []byte, perm fs.FileMode, appendMode bool) error {
	return m.C.WriteFile(name, data, appendMode, perm)
}

// Stat implements jsrt's FS.
func (m Messenger) Stat(name string) (fs.FileInfo, error) { return m.C.Stat(name) }

// Lstat implements jsrt's FS.
func (m Messenger) Lstat(name string) (fs.FileInfo, error) { return m.C.Lstat(name) }

// ReadDir implements jsrt's FS.
func (m Messenger) ReadDir(name string) ([]fs.DirEntry, error) { return m.C.ReadDir(name) }

// Mkdir implements jsrt's FS.
func (m Messenger) Mkdir(name string, perm fs.FileMode, all bool) error {
	return m.C.Mkdir(name, all, perm)
}

// Unlink implements jsrt's FS.
func (m Messenger) Unlink(name string) error { return m.C.Unlink(name) }

// Rmdir implements jsrt's FS.
func (m Messenger) Rmdir(name string) error { return m.C.Rmdir(name) }

// RemoveAll implements jsrt's FS.
func (m Messenger) RemoveAll(name string) error { return m.C.Remove(name, true) }

// Rename implements jsrt's FS.
func (m Messenger) Rename(from, to string) error { return m.C.Rename(from, to) }

// Open implements jsrt's FS.
func (m Messenger) Open(name string, flag int, perm fs.FileMode) (fsmod.File, error) {
	f, err := m.C.Open(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Overlay serves a read-only fs.FS (the bundle) at Root over a writable
// jsrt FS (the host); see the package comment.
type Overlay struct {
	root  string // clean absolute path the bundle appears at
	lower fs.FS
	upper fsmod.FS

	mu      sync.Mutex
	touched map[string]bool // clean paths written, renamed or removed
}

var _ fsmod.FS = (*Overlay)(nil)

// New returns the FS of a native image: bundle (files relative to root)
// over the host's files reached through c.
func New(c *messenger.Client, bundle fs.FS, root string) *Overlay {
	return NewOverlay(bundle, root, Messenger{c})
}

// NewOverlay serves lower at root over upper.
func NewOverlay(lower fs.FS, root string, upper fsmod.FS) *Overlay {
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

// touch records that the script changed name on the host.
func (o *Overlay) touch(names ...string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, n := range names {
		o.touched[path.Clean(n)] = true
	}
}

// ReadFile implements jsrt's FS.
func (o *Overlay) ReadFile(name string) ([]byte, error) {
	if rel, ok := o.rel(name); ok {
		if b, err := fs.ReadFile(o.lower, rel); err == nil {
			return b, nil
		}
	}
	return o.upper.ReadFile(name)
}

// Stat implements jsrt's FS.
func (o *Overlay) Stat(name string) (fs.FileInfo, error) {
	if rel, ok := o.rel(name); ok {
		if fi, err := fs.Stat(o.lower, rel); err == nil {
			return fi, nil
		}
	}
	return o.upper.Stat(name)
}

// Lstat implements jsrt's FS: the bundle holds no symbolic links.
func (o *Overlay) Lstat(name string) (fs.FileInfo, error) {
	if rel, ok := o.rel(name); ok {
		if fi, err := fs.Stat(o.lower, rel); err == nil {
			return fi, nil
		}
	}
	return o.upper.Lstat(name)
}

// ReadDir implements jsrt's FS: a directory the bundle holds lists the
// union of the bundle's entries and the host's.
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

// WriteFile implements jsrt's FS.
func (o *Overlay) WriteFile(name string, data []byte, perm fs.FileMode, appendMode bool) error {
	if appendMode {
		if err := o.copyUp(name); err != nil {
			return err
		}
	}
	o.touch(name)
	return o.upper.WriteFile(name, data, perm, appendMode)
}

// copyUp gives the host a bundled file's contents before the script
// changes it in place, as appending does. A file the host already has is
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
	return o.upper.WriteFile(name, data, 0o644, false)
}

// Mkdir implements jsrt's FS.
func (o *Overlay) Mkdir(name string, perm fs.FileMode, all bool) error {
	return o.upper.Mkdir(name, perm, all)
}

// Unlink implements jsrt's FS.
func (o *Overlay) Unlink(name string) error {
	o.touch(name)
	return o.upper.Unlink(name)
}

// Rmdir implements jsrt's FS.
func (o *Overlay) Rmdir(name string) error {
	o.touch(name)
	return o.upper.Rmdir(name)
}

// RemoveAll implements jsrt's FS.
func (o *Overlay) RemoveAll(name string) error {
	o.touch(name)
	return o.upper.RemoveAll(name)
}

// Rename implements jsrt's FS.
func (o *Overlay) Rename(from, to string) error {
	if err := o.copyUp(from); err != nil {
		return err
	}
	o.touch(from, to)
	return o.upper.Rename(from, to)
}

// Open implements jsrt's FS: a bundled file opened read-only is served
// from the bundle; any other open reaches the host (a bundled file opened
// for writing is copied up first, so O_APPEND and partial writes keep its
// contents).
func (o *Overlay) Open(name string, flag int, perm fs.FileMode) (fsmod.File, error) {
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
		return o.upper.Open(name, flag, perm)
	}
	if flag&os.O_TRUNC == 0 { // keep the bundled contents
		if err := o.copyUp(name); err != nil {
			return nil, err
		}
	}
	o.touch(name)
	return o.upper.Open(name, flag, perm)
}
