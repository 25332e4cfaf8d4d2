package linuxvm

import (
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/cavaliergopher/cpio"
)

// File is one regular file of an initramfs.
type File struct {
	Name string // absolute path inside the VM, e.g. "/init"
	Mode uint32 // permission bits
	Data []byte
}

// WriteInitramfs writes files as a gzip-compressed newc cpio archive, the
// format the Linux kernel unpacks into its initial root file system. Parent
// directories are created as needed.
func WriteInitramfs(w io.Writer, files []File) error {
	zw := gzip.NewWriter(w)
	cw := cpio.NewWriter(zw)
	dirs := map[string]bool{}
	var order []string
	for _, f := range files {
		if !path.IsAbs(f.Name) || path.Clean(f.Name) != f.Name || f.Name == "/" {
			return fmt.Errorf("linuxvm: initramfs file name %q is not a clean absolute path", f.Name)
		}
		for d := path.Dir(f.Name); d != "/"; d = path.Dir(d) {
			if !dirs[d] {
				dirs[d] = true
				order = append(order, d)
			}
		}
	}
	// Parents first: the kernel creates entries in archive order.
	sort.SliceStable(order, func(i, j int) bool {
		return strings.Count(order[i], "/") < strings.Count(order[j], "/")
	})
	for _, d := range order {
		h := &cpio.Header{Name: strings.TrimPrefix(d, "/"), Mode: cpio.TypeDir | 0o755}
		if err := cw.WriteHeader(h); err != nil {
			return fmt.Errorf("linuxvm: initramfs %s: %w", d, err)
		}
	}
	for _, f := range files {
		h := &cpio.Header{
			Name: strings.TrimPrefix(f.Name, "/"),
			Mode: cpio.TypeReg | cpio.FileMode(f.Mode&0o7777),
			Size: int64(len(f.Data)),
		}
		if err := cw.WriteHeader(h); err != nil {
			return fmt.Errorf("linuxvm: initramfs %s: %w", f.Name, err)
		}
		if _, err := cw.Write(f.Data); err != nil {
			return fmt.Errorf("linuxvm: initramfs %s: %w", f.Name, err)
		}
	}
	if err := cw.Close(); err != nil {
		return fmt.Errorf("linuxvm: initramfs: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("linuxvm: initramfs: %w", err)
	}
	return nil
}
