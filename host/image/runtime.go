package image

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Where `ebbnode build` finds the prebuilt native runtime (the image that
// app bundles are attached to): $RuntimeEnv if set, else RuntimeName in the
// directory of the ebbnode executable (make puts both in bin/).
const (
	RuntimeEnv  = "EBBNODE_RUNTIME"
	RuntimeName = "ebbnode-native.elf"
)

// FindRuntime returns the native runtime for the ebbnode executable exe:
// $EBBNODE_RUNTIME, else ebbnode-native.elf beside exe (symbolic links
// resolved).
func FindRuntime(exe string) (string, error) {
	if p := os.Getenv(RuntimeEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("native runtime $%s: %w", RuntimeEnv, err)
		}
		return p, nil
	}
	if exe != "" {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			p := filepath.Join(filepath.Dir(real), RuntimeName)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
	}
	return "", errors.New("native runtime not found: run 'make' (or set $" + RuntimeEnv + ")")
}
