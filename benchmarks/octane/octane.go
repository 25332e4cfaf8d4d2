// Package octane prepares and scores the V8 benchmark suite v7 (Richards,
// DeltaBlue, Crypto, RayTrace, EarleyBoyer, RegExp, Splay, NavierStokes).
//
// The programs come from the npm package benchmark-octane (Octane 2.0, whose
// base.js and these eight files are the V8 v7 suite's successors with the
// same reference scores). They are installed into a cache directory with npm
// and never copied into the repository. Script assembles base.js, the eight
// programs and our driver (driver.js) into one script that runs the same way
// under node and `ebbnode exec`; Parse reads the driver's output lines.
package octane

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// PackageVersion pins the benchmark-octane release, so every configuration
// and every run on every machine scores the same program text.
const PackageVersion = "1.0.1"

// Suites are the V8 v7 suites in the order the suite runs them, with the file
// that declares each one and its reference time (the first number of its
// BenchmarkSuite declaration). Parse uses the references to recompute every
// score the driver prints, so a changed scoring rule cannot go unnoticed.
var Suites = []struct {
	Name, File string
	Reference  float64
}{
	{"Richards", "richards.js", 35302},
	{"DeltaBlue", "deltablue.js", 66118},
	{"Crypto", "crypto.js", 266181},
	{"RayTrace", "raytrace.js", 739989},
	{"EarleyBoyer", "earley-boyer.js", 666463},
	{"RegExp", "regexp.js", 910985},
	{"Splay", "splay.js", 81491},
	{"NavierStokes", "navier-stokes.js", 1484000},
}

// SuiteNames returns the suite names in run order.
func SuiteNames() []string {
	names := make([]string, len(Suites))
	for i, s := range Suites {
		names[i] = s.Name
	}
	return names
}

// DefaultCacheDir is $XDG_CACHE_HOME/ebbnode/octane (or ~/.cache/ebbnode/octane).
func DefaultCacheDir() (string, error) {
	c, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("octane: no cache directory: %w", err)
	}
	return filepath.Join(c, "ebbnode", "octane"), nil
}

// Locate returns the directory holding base.js and the suite files under
// cacheDir, installing benchmark-octane@PackageVersion with npm when it is
// missing or another version is installed.
func Locate(ctx context.Context, cacheDir string) (string, error) {
	pkg := filepath.Join(cacheDir, "node_modules", "benchmark-octane")
	dir := filepath.Join(pkg, "lib", "octane")
	if err := checkInstall(pkg, dir); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", fmt.Errorf("octane: %w", err)
	}
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund",
		"--prefix", cacheDir, "benchmark-octane@"+PackageVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("octane: npm install benchmark-octane@%s: %w\n%s", PackageVersion, err, out)
	}
	if err := checkInstall(pkg, dir); err != nil {
		return "", fmt.Errorf("octane: after npm install: %w", err)
	}
	return dir, nil
}

// checkInstall reports whether pkg is the pinned version and dir holds every
// file the script needs.
func checkInstall(pkg, dir string) error {
	v, err := packageVersion(filepath.Join(pkg, "package.json"))
	if err != nil {
		return err
	}
	if v != PackageVersion {
		return fmt.Errorf("benchmark-octane %s installed, want %s", v, PackageVersion)
	}
	for _, f := range append([]string{"base.js"}, suiteFiles()...) {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("benchmark-octane lacks %s", f)
			}
			return err
		}
	}
	return nil
}

func suiteFiles() []string {
	files := make([]string, len(Suites))
	for i, s := range Suites {
		files[i] = s.File
	}
	return files
}

func packageVersion(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var p struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return p.Version, nil
}
