package linuxvm

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// metaPackage is Debian's always-current kernel; it only depends on the real,
// versioned package (linux-image-6.1.0-N-amd64 on bookworm).
const metaPackage = "linux-image-amd64"

var versionedPackage = regexp.MustCompile(`^linux-image-[0-9][^ ]*-amd64$`)

// Kernel returns the path of a Debian vmlinuz under cacheDir and the name of
// the package it came from, downloading and extracting the package the
// linux-image-amd64 meta-package currently depends on when it is not cached.
func Kernel(ctx context.Context, cacheDir string) (path, pkg string, err error) {
	pkg, err = resolveKernelPackage(ctx)
	if err != nil {
		return "", "", err
	}
	dir := filepath.Join(cacheDir, pkg)
	path = filepath.Join(dir, "vmlinuz")
	if _, err := os.Stat(path); err == nil {
		return path, pkg, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("linuxvm: %w", err)
	}
	deb, err := download(ctx, dir, pkg)
	if err != nil {
		return "", "", err
	}
	if err := extractVmlinuz(ctx, deb, path); err != nil {
		return "", "", err
	}
	// The .deb (70 MB, mostly modules the initramfs does not use) is not
	// needed once vmlinuz is out.
	_ = os.Remove(deb)
	return path, pkg, nil
}

// resolveKernelPackage asks apt which versioned kernel linux-image-amd64
// depends on. A fresh machine's package lists may be empty: as root it
// updates them once and asks again.
func resolveKernelPackage(ctx context.Context) (string, error) {
	pkg, err := askKernelPackage(ctx)
	if err == nil || os.Geteuid() != 0 {
		return pkg, err
	}
	if out, uerr := exec.CommandContext(ctx, "apt-get", "update", "-qq").CombinedOutput(); uerr != nil {
		return "", fmt.Errorf("%w; apt-get update: %v\n%s", err, uerr, out)
	}
	return askKernelPackage(ctx)
}

func askKernelPackage(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "apt-cache", "depends", metaPackage).Output()
	if err != nil {
		return "", fmt.Errorf("linuxvm: apt-cache depends %s (run apt-get update?): %w", metaPackage, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		name, ok := strings.CutPrefix(strings.TrimSpace(l), "Depends: ")
		if ok && versionedPackage.MatchString(name) {
			return name, nil
		}
	}
	return "", fmt.Errorf("linuxvm: %s has no linux-image-*-amd64 dependency (run apt-get update?):\n%s", metaPackage, out)
}

// download fetches pkg's .deb into dir with apt-get download.
func download(ctx context.Context, dir, pkg string) (string, error) {
	// apt drops privileges to _apt, which cannot write into root's cache;
	// downloading as the caller avoids a warning and a failure as non-root.
	cmd := exec.CommandContext(ctx, "apt-get", "-o", "APT::Sandbox::User=root", "download", pkg)
	if os.Geteuid() != 0 {
		cmd = exec.CommandContext(ctx, "apt-get", "download", pkg)
	}
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("linuxvm: apt-get download %s: %w\n%s", pkg, err, out)
	}
	debs, err := filepath.Glob(filepath.Join(dir, pkg+"_*.deb"))
	if err != nil || len(debs) != 1 {
		return "", fmt.Errorf("linuxvm: apt-get download %s left %d .deb files in %s", pkg, len(debs), dir)
	}
	return debs[0], nil
}

// extractVmlinuz copies /boot/vmlinuz-* out of deb to dst. It reads the data
// tarball from `dpkg-deb --fsys-tarfile` instead of `dpkg-deb -x`, which
// would also unpack some 400 MB of modules.
func extractVmlinuz(ctx context.Context, deb, dst string) error {
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
	found, copyErr := copyVmlinuz(tar.NewReader(stdout), dst)
	// Drain the rest so dpkg-deb does not die of a broken pipe.
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("linuxvm: dpkg-deb --fsys-tarfile %s: %w: %s", deb, err, stderr.String())
	}
	if copyErr != nil {
		return copyErr
	}
	if !found {
		return fmt.Errorf("linuxvm: %s has no /boot/vmlinuz-*", deb)
	}
	return nil
}

func copyVmlinuz(tr *tar.Reader, dst string) (bool, error) {
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("linuxvm: reading kernel package: %w", err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasPrefix(strings.TrimPrefix(h.Name, "."), "/boot/vmlinuz-") {
			continue
		}
		tmp := dst + ".tmp"
		f, err := os.Create(tmp)
		if err != nil {
			return false, fmt.Errorf("linuxvm: %w", err)
		}
		_, err = io.Copy(f, tr)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, dst)
		}
		if err != nil {
			return false, fmt.Errorf("linuxvm: writing %s: %w", dst, err)
		}
		return true, nil
	}
}
