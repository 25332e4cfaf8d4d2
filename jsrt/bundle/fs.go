package bundle

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"
)

// FS returns the bundle's files as a read-only file system. Names are
// relative to Root (the entry is b.Entry); directories are implied by the
// files' paths. The FS holds its own view of b.Files as they are now and
// is safe for concurrent use.
func (b *Bundle) FS() fs.FS {
	fsys := &bundleFS{files: map[string]*File{}, dirs: map[string][]fs.DirEntry{".": nil}}
	for i := range b.Files {
		f := &b.Files[i]
		fsys.files[f.Path] = f
		child := fs.DirEntry(fileInfo{name: path.Base(f.Path), f: f})
		// Add f to its directory, and each missing directory to its
		// parent, up to the root.
		for p := f.Path; ; {
			dir := path.Dir(p)
			_, known := fsys.dirs[dir]
			fsys.dirs[dir] = append(fsys.dirs[dir], child)
			if known || dir == "." {
				break
			}
			child = fileInfo{name: path.Base(dir), dir: true}
			p = dir
		}
	}
	for _, ents := range fsys.dirs {
		sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	}
	return fsys
}

// bundleFS implements fs.FS, fs.ReadFileFS, fs.ReadDirFS and fs.StatFS.
// It is not changed after FS builds it.
type bundleFS struct {
	files map[string]*File
	dirs  map[string][]fs.DirEntry // sorted by name
}

func (fsys *bundleFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := fsys.files[name]; ok {
		return &openFile{info: fileInfo{name: path.Base(name), f: f}, r: bytes.NewReader(f.Data)}, nil
	}
	if ents, ok := fsys.dirs[name]; ok {
		return &openDir{info: fileInfo{name: path.Base(name), dir: true}, ents: ents}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (fsys *bundleFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := fsys.files[name]; ok {
		// A copy: callers may change what they get.
		return append([]byte(nil), f.Data...), nil
	}
	if _, ok := fsys.dirs[name]; ok {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errIsDir}
	}
	return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
}

func (fsys *bundleFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if ents, ok := fsys.dirs[name]; ok {
		return append([]fs.DirEntry(nil), ents...), nil
	}
	if _, ok := fsys.files[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

func (fsys *bundleFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := fsys.files[name]; ok {
		return fileInfo{name: path.Base(name), f: f}, nil
	}
	if _, ok := fsys.dirs[name]; ok {
		return fileInfo{name: path.Base(name), dir: true}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

type fsError string

func (e fsError) Error() string { return string(e) }

const (
	errIsDir  = fsError("is a directory")
	errNotDir = fsError("not a directory")
)

// fileInfo is both the fs.FileInfo and the fs.DirEntry of a bundled file
// (f set) or an implied directory (dir set).
type fileInfo struct {
	name string
	f    *File
	dir  bool
}

func (i fileInfo) Name() string { return i.name }
func (i fileInfo) Size() int64 {
	if i.f == nil {
		return 0
	}
	return int64(len(i.f.Data))
}
func (i fileInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return i.f.Mode
}
func (i fileInfo) ModTime() time.Time         { return modTime }
func (i fileInfo) IsDir() bool                { return i.dir }
func (i fileInfo) Sys() any                   { return nil }
func (i fileInfo) Type() fs.FileMode          { return i.Mode().Type() }
func (i fileInfo) Info() (fs.FileInfo, error) { return i, nil }

// openFile is an open bundled file.
type openFile struct {
	info fileInfo
	r    *bytes.Reader
}

func (f *openFile) Stat() (fs.FileInfo, error)                { return f.info, nil }
func (f *openFile) Read(p []byte) (int, error)                { return f.r.Read(p) }
func (f *openFile) ReadAt(p []byte, off int64) (int, error)   { return f.r.ReadAt(p, off) }
func (f *openFile) Seek(off int64, whence int) (int64, error) { return f.r.Seek(off, whence) }
func (f *openFile) Close() error                              { return nil }

// openDir is an open directory; ReadDir pages through its entries.
type openDir struct {
	info fileInfo
	ents []fs.DirEntry
	off  int
}

func (d *openDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errIsDir}
}
func (d *openDir) Close() error { return nil }

// ReadDir follows fs.ReadDirFile: n <= 0 returns all remaining entries
// and a nil error; n > 0 returns at most n, and io.EOF at the end.
func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.off:]
	if n <= 0 {
		d.off = len(d.ents)
		return append([]fs.DirEntry(nil), rest...), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return append([]fs.DirEntry(nil), rest[:n]...), nil
}
