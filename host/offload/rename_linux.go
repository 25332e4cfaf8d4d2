package offload

import (
	"os"
	"syscall"
)

// renameIn renames within one mount with rename(2)'s answers (a file over
// a directory EISDIR, a directory over an empty one replaces it), which
// os.Root.Rename does not give: it refuses any directory target with
// EEXIST. Each parent is opened through the root, so it lies inside the
// mount, and renameat is given only final names, which it never follows.
func renameIn(r *os.Root, from, to string) error {
	fromDir, fromName := splitRel(from)
	toDir, toName := splitRel(to)
	fd, err := r.Open(fromDir)
	if err != nil {
		return err
	}
	defer fd.Close()
	td, err := r.Open(toDir)
	if err != nil {
		return err
	}
	defer td.Close()
	var rerr error
	err = withFd(fd, func(f int) {
		err := withFd(td, func(t int) { rerr = syscall.Renameat(f, fromName, t, toName) })
		if err != nil {
			rerr = err
		}
	})
	if err != nil {
		return err
	}
	if rerr != nil {
		return &os.LinkError{Op: "renameat", Old: from, New: to, Err: rerr}
	}
	return nil
}

func withFd(f *os.File, fn func(fd int)) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	return rc.Control(func(fd uintptr) { fn(int(fd)) })
}
