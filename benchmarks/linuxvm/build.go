package linuxvm

import (
	"bytes"
	"context"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// modulePath is the ebbnode module, whose source BuildStatic compiles from.
const modulePath = "github.com/ebbnode/ebbnode"

// ModuleRoot finds the ebbnode source tree at or above dir (the directory
// whose go.mod declares the ebbnode module).
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("linuxvm: %w", err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(bytes.TrimSpace(b), []byte("module "+modulePath+"\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("linuxvm: no %s source tree at or above the working directory", modulePath)
		}
		dir = parent
	}
}

// BuildStatic builds the package pkg (a path relative to the module root,
// like ./cmd/ebbnode) of the module at root into out as a static binary:
// an initramfs has no C library, so cgo is off.
func BuildStatic(ctx context.Context, root, pkg, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("linuxvm: go build %s: %w\n%s", pkg, err, b)
	}
	return CheckStatic(out)
}

// CheckStatic fails unless path is an x86_64 ELF executable without a
// program interpreter, i.e. one that runs in an initramfs without libc.
func CheckStatic(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("linuxvm: %s: %w", path, err)
	}
	defer f.Close()
	if f.Machine != elf.EM_X86_64 {
		return fmt.Errorf("linuxvm: %s is for %v, not x86_64", path, f.Machine)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("linuxvm: %s is dynamically linked; rebuild it with CGO_ENABLED=0", path)
		}
	}
	return nil
}
