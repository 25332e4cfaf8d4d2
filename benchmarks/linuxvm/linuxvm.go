// Package linuxvm boots a stock Debian Linux kernel under QEMU with an
// initramfs that holds a static program and its files: the Linux-VM baseline
// (configuration d) of the benchmarks, EbbRT's own point of comparison.
//
// The kernel is Debian's linux-image-amd64 (resolved to the versioned
// package), fetched with apt-get into a cache directory. The initramfs is a
// newc cpio whose /init is vminit (see vminit/), which runs one command and
// powers the VM off.
package linuxvm

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultCacheDir is $XDG_CACHE_HOME/ebbnode/linuxvm (or ~/.cache/ebbnode/linuxvm).
func DefaultCacheDir() (string, error) {
	c, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("linuxvm: no cache directory: %w", err)
	}
	return filepath.Join(c, "ebbnode", "linuxvm"), nil
}
