package vfs

import (
	"bytes"
	"io/fs"
	"syscall"
)

// memFile is a bundled file opened read-only: its bytes are in memory
// already (they are part of the image).
type memFile struct {
	name string
	r    *bytes.Reader
	info fs.FileInfo
}

func newMemFile(name string, data []byte, info fs.FileInfo) *memFile {
	return &memFile{name: name, r: bytes.NewReader(data), info: info}
}

func (f *memFile) Read(p []byte) (int, error)              { return f.r.Read(p) }
func (f *memFile) ReadAt(p []byte, off int64) (int, error) { return f.r.ReadAt(p, off) }
func (f *memFile) Stat() (fs.FileInfo, error)              { return f.info, nil }
func (f *memFile) Close() error                            { return nil }

// Write and WriteAt fail as writing to a file opened O_RDONLY does.
func (f *memFile) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: f.name, Err: syscall.EBADF}
}

func (f *memFile) WriteAt([]byte, int64) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: f.name, Err: syscall.EBADF}
}
