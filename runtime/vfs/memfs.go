package vfs

import (
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// MemFS is a file system in memory, rooted at one absolute path (an
// image's /tmp): files, directories and symbolic links, with the errnos
// Linux's tmpfs gives. The bytes of its files count against a budget; a
// write that would pass it fails with ENOSPC, so scratch files cannot
// take the memory the program needs. Names outside the root do not exist
// (ENOENT), and a symbolic link that leads outside resolves to nothing.
type MemFS struct {
	root string

	mu    sync.Mutex
	limit int64 // bytes of file data allowed
	used  int64
	top   *memNode
	ino   uint64
}

var _ FS = (*MemFS)(nil)

// memNode is a file, directory (kids) or symbolic link (target).
type memNode struct {
	mode   fs.FileMode // type bits and permissions
	data   []byte
	kids   map[string]*memNode
	target string
	mtime  time.Time
	ino    uint64
}

// NewMemFS returns an empty MemFS at root whose files may hold limit
// bytes in all.
func NewMemFS(root string, limit int64) *MemFS {
	m := &MemFS{root: path.Clean(root), limit: limit}
	m.top = m.newNode(fs.ModeDir | 0o1777)
	return m
}

func (m *MemFS) newNode(mode fs.FileMode) *memNode {
	m.ino++
	n := &memNode{mode: mode, mtime: time.Now(), ino: m.ino}
	if mode.IsDir() {
		n.kids = map[string]*memNode{}
	}
	return n
}

func pathErr(op, name string, errno syscall.Errno) error {
	return &fs.PathError{Op: op, Path: name, Err: errno}
}

// parts splits name into its components below the root, or fails with
// ENOENT for a name outside it.
func (m *MemFS) parts(name string) ([]string, bool) {
	p := path.Clean(name)
	if !strings.HasPrefix(name, "/") {
		return nil, false
	}
	if p == m.root {
		return nil, true
	}
	if m.root != "/" && !strings.HasPrefix(p, m.root+"/") {
		return nil, false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(p, m.root), "/")
	if rest == "" {
		return nil, true
	}
	return strings.Split(rest, "/"), true
}

// maxLinks is how many symbolic links one lookup follows (Linux's 40).
const maxLinks = 40

// walk finds the node name names. follow says whether a final symbolic
// link is followed. Precondition: m.mu held.
func (m *MemFS) walkLocked(name string, follow bool) (*memNode, error) {
	ps, ok := m.parts(name)
	if !ok {
		return nil, syscall.ENOENT
	}
	links := 0
	n := m.top
	var dir []string // components of n's path below the root
	for i := 0; i < len(ps); i++ {
		if !n.mode.IsDir() {
			return nil, syscall.ENOTDIR
		}
		kid, ok := n.kids[ps[i]]
		if !ok {
			return nil, syscall.ENOENT
		}
		last := i == len(ps)-1
		if kid.mode&fs.ModeSymlink != 0 && (!last || follow) {
			if links++; links > maxLinks {
				return nil, syscall.ELOOP
			}
			target := kid.target
			if !strings.HasPrefix(target, "/") {
				target = path.Join(append([]string{m.root}, dir...)...) + "/" + target
			}
			tps, ok := m.parts(target)
			if !ok {
				return nil, syscall.ENOENT
			}
			ps = append(tps, ps[i+1:]...)
			i, n, dir = -1, m.top, nil
			continue
		}
		n = kid
		dir = append(dir, ps[i])
	}
	if strings.HasSuffix(name, "/") && !n.mode.IsDir() {
		return nil, syscall.ENOTDIR
	}
	return n, nil
}

// parentLocked finds the directory that holds name and name's last
// component. Precondition: m.mu held.
func (m *MemFS) parentLocked(name string) (*memNode, string, error) {
	ps, ok := m.parts(name)
	if !ok {
		return nil, "", syscall.ENOENT
	}
	if len(ps) == 0 {
		return nil, "", syscall.EBUSY // the root itself
	}
	dir, err := m.walkLocked(path.Join(append([]string{m.root}, ps[:len(ps)-1]...)...), true)
	if err != nil {
		return nil, "", err
	}
	if !dir.mode.IsDir() {
		return nil, "", syscall.ENOTDIR
	}
	return dir, ps[len(ps)-1], nil
}

// chargeLocked accounts delta more bytes of file data, or fails with
// ENOSPC. Precondition: m.mu held.
func (m *MemFS) chargeLocked(delta int64) error {
	if delta > 0 && m.used+delta > m.limit {
		return syscall.ENOSPC
	}
	m.used += delta
	return nil
}

// Used returns the bytes of file data the MemFS holds.
func (m *MemFS) Used() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used
}

// ReadFile implements FS.
func (m *MemFS) ReadFile(name string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, true)
	if err != nil {
		return nil, pathErr("open", name, err.(syscall.Errno))
	}
	if n.mode.IsDir() {
		return nil, pathErr("read", name, syscall.EISDIR)
	}
	return append([]byte(nil), n.data...), nil
}

// WriteFile implements FS.
func (m *MemFS) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.createLocked(name, os.O_CREATE, perm)
	if err != nil {
		return pathErr("open", name, err.(syscall.Errno))
	}
	size := int64(len(data))
	if appendMode {
		size += int64(len(n.data))
	}
	if err := m.chargeLocked(size - int64(len(n.data))); err != nil {
		return pathErr("write", name, err.(syscall.Errno))
	}
	if appendMode {
		n.data = append(n.data, data...)
	} else {
		n.data = append([]byte(nil), data...)
	}
	n.mtime = time.Now()
	return nil
}

// createLocked opens or creates the file name as open(2) with flag's
// O_CREATE, O_EXCL and O_TRUNC would. Precondition: m.mu held.
func (m *MemFS) createLocked(name string, flag int, perm fs.FileMode) (*memNode, error) {
	n, err := m.walkLocked(name, true)
	switch {
	case err == nil:
		if flag&os.O_CREATE != 0 && flag&os.O_EXCL != 0 {
			return nil, syscall.EEXIST
		}
		if n.mode.IsDir() && flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC) != 0 {
			return nil, syscall.EISDIR
		}
		if flag&os.O_TRUNC != 0 && !n.mode.IsDir() {
			_ = m.chargeLocked(-int64(len(n.data)))
			n.data = nil
			n.mtime = time.Now()
		}
		return n, nil
	case err != syscall.ENOENT || flag&os.O_CREATE == 0:
		return nil, err
	}
	if strings.HasSuffix(name, "/") {
		return nil, syscall.EISDIR
	}
	dir, base, err := m.parentLocked(name)
	if err != nil {
		return nil, err
	}
	if old, ok := dir.kids[base]; ok && old.mode&fs.ModeSymlink != 0 {
		return nil, syscall.ENOENT // a dangling link: its target is elsewhere
	}
	n = m.newNode(perm.Perm())
	dir.kids[base] = n
	dir.mtime = n.mtime
	return n, nil
}

// memInfo is the fs.FileInfo of a node.
type memInfo struct {
	name string
	size int64
	mode fs.FileMode
	mt   time.Time
}

func (i *memInfo) Name() string       { return i.name }
func (i *memInfo) Size() int64        { return i.size }
func (i *memInfo) Mode() fs.FileMode  { return i.mode }
func (i *memInfo) ModTime() time.Time { return i.mt }
func (i *memInfo) IsDir() bool        { return i.mode.IsDir() }
func (i *memInfo) Sys() any           { return nil }

func (n *memNode) info(name string) *memInfo {
	size := int64(len(n.data))
	switch {
	case n.mode.IsDir():
		size = 4096
	case n.mode&fs.ModeSymlink != 0:
		size = int64(len(n.target))
	}
	return &memInfo{name: path.Base(name), size: size, mode: n.mode, mt: n.mtime}
}

// Stat implements FS.
func (m *MemFS) Stat(name string) (fs.FileInfo, error) { return m.stat("stat", name, true) }

// Lstat implements FS.
func (m *MemFS) Lstat(name string) (fs.FileInfo, error) { return m.stat("lstat", name, false) }

func (m *MemFS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, follow)
	if err != nil {
		return nil, pathErr(op, name, err.(syscall.Errno))
	}
	return n.info(name), nil
}

// ReadDir implements FS.
func (m *MemFS) ReadDir(name string) ([]fs.DirEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, true)
	if err != nil {
		return nil, pathErr("open", name, err.(syscall.Errno))
	}
	if !n.mode.IsDir() {
		return nil, pathErr("readdirent", name, syscall.ENOTDIR)
	}
	out := make([]fs.DirEntry, 0, len(n.kids))
	for k, kid := range n.kids {
		out = append(out, fs.FileInfoToDirEntry(kid.info(k)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Mkdir implements FS.
func (m *MemFS) Mkdir(name string, all bool, perm fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if all {
		ps, ok := m.parts(name)
		if !ok {
			return pathErr("mkdir", name, syscall.ENOENT)
		}
		for i := range ps {
			p := path.Join(append([]string{m.root}, ps[:i+1]...)...)
			n, err := m.walkLocked(p, true)
			if err == nil {
				if !n.mode.IsDir() {
					return pathErr("mkdir", name, syscall.ENOTDIR)
				}
				continue
			}
			if err := m.mkdirLocked(p, perm); err != nil {
				return pathErr("mkdir", name, err.(syscall.Errno))
			}
		}
		return nil
	}
	if _, err := m.walkLocked(name, false); err == nil {
		return pathErr("mkdir", name, syscall.EEXIST)
	}
	if err := m.mkdirLocked(name, perm); err != nil {
		return pathErr("mkdir", name, err.(syscall.Errno))
	}
	return nil
}

func (m *MemFS) mkdirLocked(name string, perm fs.FileMode) error {
	dir, base, err := m.parentLocked(name)
	if err == syscall.EBUSY {
		return syscall.EEXIST
	}
	if err != nil {
		return err
	}
	if _, ok := dir.kids[base]; ok {
		return syscall.EEXIST
	}
	n := m.newNode(fs.ModeDir | perm.Perm())
	dir.kids[base] = n
	dir.mtime = n.mtime
	return nil
}

// Unlink implements FS.
func (m *MemFS) Unlink(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	dir, base, n, err := m.entryLocked(name)
	if err != nil {
		return pathErr("unlink", name, err.(syscall.Errno))
	}
	if n.mode.IsDir() {
		return pathErr("unlink", name, syscall.EISDIR)
	}
	m.dropLocked(dir, base, n)
	return nil
}

// entryLocked finds name's directory entry without following a final
// link. Precondition: m.mu held.
func (m *MemFS) entryLocked(name string) (*memNode, string, *memNode, error) {
	dir, base, err := m.parentLocked(name)
	if err != nil {
		return nil, "", nil, err
	}
	n, ok := dir.kids[base]
	if !ok {
		return nil, "", nil, syscall.ENOENT
	}
	if strings.HasSuffix(name, "/") && !n.mode.IsDir() {
		return nil, "", nil, syscall.ENOTDIR
	}
	return dir, base, n, nil
}

// dropLocked removes an entry and refunds its tree's bytes.
func (m *MemFS) dropLocked(dir *memNode, base string, n *memNode) {
	delete(dir.kids, base)
	dir.mtime = time.Now()
	var refund func(*memNode)
	refund = func(n *memNode) {
		m.used -= int64(len(n.data))
		for _, k := range n.kids {
			refund(k)
		}
	}
	refund(n)
}

// Rmdir implements FS.
func (m *MemFS) Rmdir(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	dir, base, n, err := m.entryLocked(name)
	if err != nil {
		return pathErr("rmdir", name, err.(syscall.Errno))
	}
	if !n.mode.IsDir() {
		return pathErr("rmdir", name, syscall.ENOTDIR)
	}
	if len(n.kids) > 0 {
		return pathErr("rmdir", name, syscall.ENOTEMPTY)
	}
	m.dropLocked(dir, base, n)
	return nil
}

// RemoveAll implements FS.
func (m *MemFS) RemoveAll(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	dir, base, n, err := m.entryLocked(name)
	switch {
	case err == syscall.ENOENT:
		return nil
	case err != nil:
		return pathErr("unlinkat", name, err.(syscall.Errno))
	}
	m.dropLocked(dir, base, n)
	return nil
}

// Rename implements FS.
func (m *MemFS) Rename(from, to string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	fdir, fbase, n, err := m.entryLocked(from)
	if err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	tdir, tbase, err := m.parentLocked(to)
	if err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	if n.mode.IsDir() && (path.Clean(to) == path.Clean(from) || strings.HasPrefix(path.Clean(to), path.Clean(from)+"/")) {
		if path.Clean(to) == path.Clean(from) {
			return nil
		}
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EINVAL}
	}
	if old, ok := tdir.kids[tbase]; ok {
		if old == n {
			return nil
		}
		switch {
		case old.mode.IsDir() && !n.mode.IsDir():
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EISDIR}
		case !old.mode.IsDir() && n.mode.IsDir():
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.ENOTDIR}
		case old.mode.IsDir() && len(old.kids) > 0:
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.ENOTEMPTY}
		}
		m.dropLocked(tdir, tbase, old)
	}
	delete(fdir.kids, fbase)
	tdir.kids[tbase] = n
	fdir.mtime, tdir.mtime = time.Now(), time.Now()
	return nil
}

// OpenFile implements FS.
func (m *MemFS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.createLocked(name, flag, perm)
	if err != nil {
		return nil, pathErr("open", name, err.(syscall.Errno))
	}
	return &memHandle{fs: m, n: n, name: name, flag: flag}, nil
}

// Truncate implements FS.
func (m *MemFS) Truncate(name string, size int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, true)
	if err != nil {
		return pathErr("truncate", name, err.(syscall.Errno))
	}
	if n.mode.IsDir() {
		return pathErr("truncate", name, syscall.EISDIR)
	}
	if size < 0 {
		return pathErr("truncate", name, syscall.EINVAL)
	}
	return m.resizeLocked(n, name, size)
}

func (m *MemFS) resizeLocked(n *memNode, name string, size int64) error {
	if err := m.chargeLocked(size - int64(len(n.data))); err != nil {
		return pathErr("truncate", name, err.(syscall.Errno))
	}
	if size <= int64(len(n.data)) {
		n.data = n.data[:size]
	} else {
		n.data = append(n.data, make([]byte, size-int64(len(n.data)))...)
	}
	n.mtime = time.Now()
	return nil
}

// Chmod implements FS.
func (m *MemFS) Chmod(name string, mode fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, true)
	if err != nil {
		return pathErr("chmod", name, err.(syscall.Errno))
	}
	n.mode = n.mode.Type() | mode.Perm()
	return nil
}

// Chtimes implements FS (only the modification time is kept).
func (m *MemFS) Chtimes(name string, atime, mtime time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, true)
	if err != nil {
		return pathErr("utime", name, err.(syscall.Errno))
	}
	n.mtime = mtime
	return nil
}

// Symlink implements FS.
func (m *MemFS) Symlink(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	dir, base, err := m.parentLocked(newname)
	if err == syscall.EBUSY {
		err = syscall.EEXIST
	}
	if err != nil {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: err}
	}
	if _, ok := dir.kids[base]; ok {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: syscall.EEXIST}
	}
	n := m.newNode(fs.ModeSymlink | 0o777)
	n.target = oldname
	dir.kids[base] = n
	return nil
}

// Readlink implements FS.
func (m *MemFS) Readlink(name string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, err := m.walkLocked(name, false)
	if err != nil {
		return "", pathErr("readlink", name, err.(syscall.Errno))
	}
	if n.mode&fs.ModeSymlink == 0 {
		return "", pathErr("readlink", name, syscall.EINVAL)
	}
	return n.target, nil
}

// memHandle is an open MemFS file.
type memHandle struct {
	fs   *MemFS
	n    *memNode
	name string
	flag int
	off  int64
}

func (h *memHandle) readable() bool { return h.flag&(os.O_WRONLY|os.O_RDWR) != os.O_WRONLY }
func (h *memHandle) writable() bool { return h.flag&(os.O_WRONLY|os.O_RDWR) != 0 }

func (h *memHandle) ReadAt(p []byte, off int64) (int, error) {
	if !h.readable() {
		return 0, pathErr("read", h.name, syscall.EBADF)
	}
	if h.n.mode.IsDir() {
		return 0, pathErr("read", h.name, syscall.EISDIR)
	}
	h.fs.mu.Lock()
	defer h.fs.mu.Unlock()
	if off >= int64(len(h.n.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.n.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (h *memHandle) Read(p []byte) (int, error) {
	n, err := h.ReadAt(p, h.off)
	h.off += int64(n)
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

func (h *memHandle) WriteAt(p []byte, off int64) (int, error) {
	if !h.writable() {
		return 0, pathErr("write", h.name, syscall.EBADF)
	}
	h.fs.mu.Lock()
	defer h.fs.mu.Unlock()
	if h.flag&os.O_APPEND != 0 {
		off = int64(len(h.n.data)) // as pwrite on Linux with O_APPEND
	}
	end := off + int64(len(p))
	if end > int64(len(h.n.data)) {
		if err := h.fs.resizeLocked(h.n, h.name, end); err != nil {
			return 0, pathErr("write", h.name, syscall.ENOSPC)
		}
	}
	copy(h.n.data[off:], p)
	h.n.mtime = time.Now()
	return len(p), nil
}

func (h *memHandle) Write(p []byte) (int, error) {
	if h.flag&os.O_APPEND != 0 {
		h.fs.mu.Lock()
		h.off = int64(len(h.n.data))
		h.fs.mu.Unlock()
	}
	n, err := h.WriteAt(p, h.off)
	h.off += int64(n)
	return n, err
}

func (h *memHandle) Close() error { return nil }

func (h *memHandle) Stat() (fs.FileInfo, error) {
	h.fs.mu.Lock()
	defer h.fs.mu.Unlock()
	return h.n.info(h.name), nil
}
