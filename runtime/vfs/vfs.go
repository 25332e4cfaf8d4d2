// Package vfs is ebbnode's file-system service: the FS interface every
// file access goes through, below any language runtime, so that jsrt's fs
// module, its module loader and a Go program in an image reach files the
// same way.
//
// Three implementations:
//
//   - OSFS (osfs.go), the host operating system's files: what a hosted
//     process (`ebbnode exec`) uses.
//   - messenger.Client (runtime/messenger), which offloads each call to
//     the `ebbnode run` process over the Messenger: the files of a native
//     image.
//   - Overlay (overlay.go), a read-only io/fs.FS (an image's app bundle)
//     at a root over a writable FS.
//
// The file system is a system Ebb: Install makes an FS the shared Ebb with
// the static id runtime.FileSystemId, and FileSystem is its Ref.
//
// The method signatures follow messenger.Client's, so the Client is an FS
// with no adapter.
package vfs

import (
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/ebbnode/ebbnode/runtime"
)

// FS is a file system. Names are absolute, slash-separated paths.
//
// Errors carry an errno (a syscall.Errno reachable with errors.As, as in
// the *fs.PathError of package os), so that callers can report errors as
// the system would (ENOENT, EEXIST, ...).
//
// Implementations must be safe for concurrent use: the file system is a
// shared Ebb, and asynchronous calls run on goroutines of their own.
type FS interface {
	// ReadFile returns the whole contents of the file.
	ReadFile(name string) ([]byte, error)
	// WriteFile creates or truncates the file (or appends to it when
	// appendMode is set) and writes data; perm applies to a new file.
	WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error
	// Stat follows symbolic links; Lstat does not follow a final one.
	Stat(name string) (fs.FileInfo, error)
	Lstat(name string) (fs.FileInfo, error)
	// ReadDir returns the entries of a directory sorted by name.
	ReadDir(name string) ([]fs.DirEntry, error)
	// Mkdir creates a directory; with all set it also creates missing
	// parents and succeeds if the directory already exists.
	Mkdir(name string, all bool, perm fs.FileMode) error
	// Unlink removes a file (not a directory), Rmdir an empty directory,
	// and RemoveAll a file or a whole tree (succeeding if name is absent).
	Unlink(name string) error
	Rmdir(name string) error
	RemoveAll(name string) error
	// Rename moves from to to, replacing to if it is a file.
	Rename(from, to string) error
	// OpenFile opens a file with os.OpenFile's flags (os.O_RDONLY,
	// os.O_CREATE, ...); perm applies to a created file.
	OpenFile(name string, flag int, perm fs.FileMode) (File, error)
	// Truncate changes the file's size, as truncate(2).
	Truncate(name string, size int64) error
	// Chmod changes the file's permission bits (following links).
	Chmod(name string, mode fs.FileMode) error
	// Chtimes changes the file's access and modification times.
	Chtimes(name string, atime, mtime time.Time) error
	// Symlink creates newname as a symbolic link to oldname.
	Symlink(oldname, newname string) error
	// Readlink returns the target of a symbolic link.
	Readlink(name string) (string, error)
}

// File is an open file, as returned by FS.OpenFile.
type File interface {
	io.ReaderAt
	io.WriterAt
	io.Reader
	io.Writer
	io.Closer
	Stat() (fs.FileInfo, error)
}

// FileSystem is the file-system Ebb. Its rep is shared by all cores; as
// for every Ref, On may be called only from an event on that core, and
// code off the loop (an asynchronous call's goroutine) uses the FS it got
// from On there.
var FileSystem = runtime.RefOf[FS](runtime.FileSystemId)

// Install makes fsys the file-system Ebb of rt.
func Install(rt *runtime.Runtime, fsys FS) error {
	if _, err := runtime.InstallShared(rt, runtime.FileSystemId, fsys); err != nil {
		return fmt.Errorf("vfs: %w", err)
	}
	return nil
}
