package octane

import (
	"bytes"
	_ "embed" // driver.js
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

//go:embed driver.js
var driverJS []byte

// Rules say how the driver times each benchmark.
type Rules struct {
	// SuiteRules keeps base.js's own timing loop: one second of warm-up for
	// benchmarks that ask for it, then at least one second and at least the
	// benchmark's minIterations (32 unless it says otherwise) timed runs.
	SuiteRules bool `json:"suiteRules,omitempty"`
	// Otherwise: Warmup untimed runs (for benchmarks that ask for warm-up),
	// then timed runs until both MinIterations and MinMillis are reached.
	Warmup        int     `json:"warmup"`
	MinIterations int     `json:"minIterations"`
	MinMillis     float64 `json:"minMillis"`
	// Suites, when not empty, runs only these suites (in suite order).
	Suites []string `json:"suites,omitempty"`
}

// Validate rejects rules that would time nothing.
func (r Rules) Validate() error {
	for _, s := range r.Suites {
		if !IsSuite(s) {
			return fmt.Errorf("octane: unknown suite %q (have %v)", s, SuiteNames())
		}
	}
	if r.SuiteRules {
		return nil
	}
	if r.Warmup < 0 || r.MinIterations < 1 || r.MinMillis < 0 {
		return fmt.Errorf("octane: bad rules %+v: need warmup >= 0, minIterations >= 1, minMillis >= 0", r)
	}
	return nil
}

// Script returns base.js, the eight suite files and the driver as one
// script. modes names the timing rules the driver knows; the script runs
// defaultMode unless its last command-line argument names another mode.
// Concatenation (rather than require) keeps the suite's globals global, as
// the suite's own run.js does with load().
func Script(dir string, modes map[string]Rules, defaultMode string) ([]byte, error) {
	if _, ok := modes[defaultMode]; !ok {
		return nil, fmt.Errorf("octane: default mode %q not among the modes", defaultMode)
	}
	presets := map[string]any{"default": defaultMode}
	for name, r := range modes {
		if name == "default" {
			return nil, fmt.Errorf("octane: mode name %q is reserved", name)
		}
		if err := r.Validate(); err != nil {
			return nil, err
		}
		presets[name] = r
	}
	js, err := json.Marshal(presets)
	if err != nil {
		return nil, fmt.Errorf("octane: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "var EBBBENCH_PRESETS = %s;\n", js)
	for _, f := range append([]string{"base.js"}, suiteFiles()...) {
		src, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("octane: %w", err)
		}
		fmt.Fprintf(&b, "// ---- %s (benchmark-octane %s)\n", f, PackageVersion)
		b.Write(src)
		b.WriteString("\n")
	}
	b.WriteString("// ---- driver.js\n")
	b.Write(driverJS)
	return b.Bytes(), nil
}

// Expected returns the suites a run under r reports, in suite order.
func (r Rules) Expected() []string {
	if len(r.Suites) == 0 {
		return SuiteNames()
	}
	var names []string
	for _, n := range SuiteNames() {
		for _, s := range r.Suites {
			if s == n {
				names = append(names, n)
				break
			}
		}
	}
	return names
}

// IsSuite reports whether name is one of the V8 v7 suites.
func IsSuite(name string) bool {
	for _, s := range Suites {
		if s.Name == name {
			return true
		}
	}
	return false
}
