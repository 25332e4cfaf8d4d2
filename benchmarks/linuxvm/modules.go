package linuxvm

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// NetModules are the kernel modules, in load order (each after what it
// depends on), that give Debian's kernel a virtio-net device on PCI: its
// configuration builds virtio, virtio-pci and virtio-net as modules.
var NetModules = []string{
	"virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio_pci",
	"failover", "net_failover", "virtio_net",
}

// Modules returns the paths of the named modules of kernel package pkg,
// in the order of names, cached under cacheDir/pkg/modules (next to the
// vmlinuz Kernel caches); missing ones are extracted from the package,
// downloaded again for them.
func Modules(ctx context.Context, cacheDir, pkg string, names []string) ([]string, error) {
	dir := filepath.Join(cacheDir, pkg, "modules")
	paths := make([]string, len(names))
	missing := map[string]string{} // name -> destination
	for i, n := range names {
		paths[i] = filepath.Join(dir, n+".ko")
		if _, err := os.Stat(paths[i]); err != nil {
			missing[n] = paths[i]
		}
	}
	if len(missing) == 0 {
		return paths, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("linuxvm: %w", err)
	}
	deb, err := download(ctx, filepath.Join(cacheDir, pkg), pkg)
	if err != nil {
		return nil, err
	}
	defer os.Remove(deb) // 70 MB; the few modules are what is kept
	if err := extractModules(ctx, deb, missing); err != nil {
		return nil, err
	}
	return paths, nil
}

// extractModules copies each wanted module (name -> destination) out of
// deb's /lib/modules tree.
func extractModules(ctx context.Context, deb string, want map[string]string) error {
	cmd := exec.CommandContext(ctx, "dpkg-deb", "--fsys-tarfile", deb)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("linuxvm: %w", err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("linuxvm: dpkg-deb: %w", err)
	}
	copyErr := copyModules(tar.NewReader(stdout), want)
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("linuxvm: dpkg-deb --fsys-tarfile %s: %w: %s", deb, err, stderr.String())
	}
	return copyErr
}

func copyModules(tr *tar.Reader, want map[string]string) error {
	left := len(want)
	for left > 0 {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("linuxvm: reading kernel package: %w", err)
		}
		name := strings.TrimPrefix(h.Name, ".")
		dst, ok := want[strings.TrimSuffix(path.Base(name), ".ko")]
		if h.Typeflag != tar.TypeReg || !ok || !strings.HasPrefix(name, "/lib/modules/") || !strings.HasSuffix(name, ".ko") {
			continue
		}
		if err := writeFile(dst, tr); err != nil {
			return err
		}
		left--
	}
	if left > 0 {
		var names []string
		for n, dst := range want {
			if _, err := os.Stat(dst); err != nil {
				names = append(names, n)
			}
		}
		return fmt.Errorf("linuxvm: the kernel package has no module %s", strings.Join(names, ", "))
	}
	return nil
}

// writeFile writes r to dst through a temporary file, so a half-written
// module is never cached.
func writeFile(dst string, r io.Reader) error {
	tmp := dst + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("linuxvm: %w", err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		return fmt.Errorf("linuxvm: writing %s: %w", dst, err)
	}
	return nil
}
