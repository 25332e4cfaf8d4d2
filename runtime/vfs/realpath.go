package vfs

import (
	"io/fs"
	"path"
	"strings"
	"syscall"
)

// maxSymlinks is Linux's limit on links followed in one lookup (ELOOP).
const maxSymlinks = 40

// Realpath resolves every symbolic link in the absolute path name, with
// Lstat and Readlink alone, so it works on any FS. As node's fs.realpath,
// name is first cleaned lexically ("a/../b" is "b"); then each component
// must exist, and the error of the first that does not (ENOENT, ENOTDIR,
// ...) is returned: an *fs.PathError naming the component and the call
// ("lstat" or "stat") that failed.
func Realpath(fsys FS, name string) (string, error) {
	todo := strings.Split(path.Clean(name), "/")
	done := "/"
	links := 0
	for len(todo) > 0 {
		part := todo[0]
		todo = todo[1:]
		if part == "" || part == "." {
			continue
		}
		if part == ".." {
			done = path.Dir(done)
			continue
		}
		next := path.Join(done, part)
		fi, err := fsys.Lstat(next)
		if err != nil {
			if hiddenAncestor(fsys, next, todo) {
				done = next
				continue
			}
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			done = next
			continue
		}
		// A link must lead somewhere: as node's realpath, stat it before
		// reading it, so a dangling or looping link fails there (ENOENT,
		// ELOOP) naming the link.
		if _, err := fsys.Stat(next); err != nil {
			return "", err
		}
		links++
		if links > maxSymlinks {
			return "", &fs.PathError{Op: "stat", Path: next, Err: syscall.ELOOP}
		}
		target, err := fsys.Readlink(next)
		if err != nil {
			return "", err
		}
		if path.IsAbs(target) {
			done = "/"
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return done, nil
}

// hiddenAncestor reports whether dir, which Lstat does not show, leads to
// something that exists along rest: a file system that shows only some
// trees (the Messenger's grants) hides their ancestors, and such a one is
// taken as a plain directory. The longest existing path is looked for, so
// that a path missing inside a tree fails there, naming the component.
func hiddenAncestor(fsys FS, dir string, rest []string) bool {
	for k := len(rest); k > 0; k-- {
		if _, err := fsys.Stat(path.Join(append([]string{dir}, rest[:k]...)...)); err == nil {
			return true
		}
	}
	return false
}
