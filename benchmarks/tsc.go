package benchmarks

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// The compiler-class app: benchmarks/tsc/tsc.js type-checks a small
// program with the typescript package, as node, as `ebbnode exec` (b)
// and as a native image in a VM of TSCMemoryMiB (c). It shows that an app
// of that size (over 800 MB RSS hosted) runs natively in 1 GiB, and what
// that costs; every configuration must print what node prints.

// TypeScriptVersion is the typescript package the app runs (5.x: the
// compiler written in JavaScript).
const TypeScriptVersion = "5.9.3"

// TSCMemoryMiB is the VM's RAM for c.
const TSCMemoryMiB = 1024

//go:embed tsc/tsc.js
var tscScript []byte

// TSCOptions configures RunTSC.
type TSCOptions struct {
	Ebbnode  string        // the ebbnode binary (its native runtime beside it)
	CacheDir string        // where typescript is installed (default ~/.cache/ebbnode/tsc)
	Timeout  time.Duration // per run (default 90m)
	Log      io.Writer
}

// TSCRun is one configuration's run.
type TSCRun struct {
	Config    string  `json:"config"`
	Seconds   float64 `json:"seconds"`
	MaxRSSMiB float64 `json:"max_rss_mib"` // of the process tree (for c: ebbnode and QEMU)
	Exit      int     `json:"exit"`
	SameAsA   bool    `json:"same_output_as_node"`
	Output    string  `json:"output"`
	Error     string  `json:"error,omitempty"`
}

// TSCResult is the session.
type TSCResult struct {
	Date       string   `json:"date"`
	TypeScript string   `json:"typescript"`
	MemoryMiB  int      `json:"vm_memory_mib"`
	LoadAvg    []string `json:"load_avg"`
	Runs       []TSCRun `json:"runs"`
	Notes      []string `json:"notes"`
}

// RunTSC installs typescript if needed and runs the app as a (node), b
// (ebbnode exec) and c (ebbnode run --memory TSCMemoryMiB).
func RunTSC(ctx context.Context, o TSCOptions) (*TSCResult, error) {
	if o.Timeout <= 0 {
		o.Timeout = 90 * time.Minute
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.CacheDir == "" {
		c, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("benchmarks: no cache directory: %w", err)
		}
		o.CacheDir = filepath.Join(c, "ebbnode", "tsc")
	}
	r := &TSCResult{Date: time.Now().UTC().Format(time.RFC3339), TypeScript: TypeScriptVersion, MemoryMiB: TSCMemoryMiB,
		LoadAvg: []string{loadAvg()},
		Notes: []string{
			"a: node; b: ebbnode exec; c: ebbnode run --memory " + fmt.Sprint(TSCMemoryMiB) + " (native image, QEMU)",
			"max_rss_mib: the largest RSS among the process and its waited-for children (rusage), so QEMU's for c (guest RAM it touched plus QEMU's own)",
		}}
	if err := installTypeScript(ctx, o.CacheDir); err != nil {
		return r, err
	}
	script := filepath.Join(o.CacheDir, "tsc.js")
	if err := os.WriteFile(script, tscScript, 0o644); err != nil {
		return r, fmt.Errorf("benchmarks: %w", err)
	}
	img := filepath.Join(o.CacheDir, "tsc.img")
	if out, err := exec.CommandContext(ctx, o.Ebbnode, "build", script, "-o", img).CombinedOutput(); err != nil {
		return r, fmt.Errorf("benchmarks: build tsc.js: %v: %s", err, out)
	}
	defer os.Remove(img)
	var ref string
	for _, c := range []struct {
		key  string
		argv []string
	}{
		{"a", []string{"node", script}},
		{"b", []string{o.Ebbnode, "exec", script}},
		{"c", []string{o.Ebbnode, "run", "--memory", fmt.Sprint(TSCMemoryMiB), "--timeout", o.Timeout.String(), img}},
	} {
		run := timeRSS(ctx, o.Timeout, o.CacheDir, c.argv)
		run.Config = c.key
		if c.key == "a" {
			ref = run.Output
		}
		run.SameAsA = run.Exit == 0 && run.Output == ref
		fmt.Fprintf(o.Log, "tsc %s: %.1f s, max RSS %.0f MiB, exit %d, same as node %v %s\n", c.key, run.Seconds, run.MaxRSSMiB, run.Exit, run.SameAsA, run.Error)
		r.Runs = append(r.Runs, run)
	}
	r.LoadAvg = append(r.LoadAvg, loadAvg())
	for _, run := range r.Runs {
		if !run.SameAsA {
			return r, fmt.Errorf("benchmarks: tsc %s: exit %d, output differs from node's: %s", run.Config, run.Exit, run.Error)
		}
	}
	return r, nil
}

// installTypeScript installs typescript@TypeScriptVersion under dir with
// npm unless that version is there.
func installTypeScript(ctx context.Context, dir string) error {
	pj := filepath.Join(dir, "node_modules", "typescript", "package.json")
	if b, err := os.ReadFile(pj); err == nil {
		var p struct{ Version string }
		if json.Unmarshal(b, &p) == nil && p.Version == TypeScriptVersion {
			return nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "typescript@"+TypeScriptVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("benchmarks: npm install typescript@%s: %w\n%s", TypeScriptVersion, err, out)
	}
	return nil
}

// timeRSS runs argv in dir and reports its time, output and the largest
// RSS in its process tree.
func timeRSS(ctx context.Context, timeout time.Duration, dir string, argv []string) TSCRun {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	start := time.Now()
	err := cmd.Run()
	run := TSCRun{Seconds: time.Since(start).Seconds(), Output: out.String()}
	if cmd.ProcessState != nil {
		run.Exit = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			run.MaxRSSMiB = float64(ru.Maxrss) / 1024
		}
	}
	if err != nil {
		run.Error = strings.TrimSpace(lastLines(stderr.String()+"\n"+err.Error(), 4))
	}
	return run
}

// WriteTSCTable prints the runs.
func WriteTSCTable(w io.Writer, r *TSCResult) error {
	fmt.Fprintf(w, "typescript@%s type-checking benchmarks/tsc/tsc.js; c in a %d MiB VM; load average %s\n\n",
		r.TypeScript, r.MemoryMiB, strings.Join(r.LoadAvg, " -> "))
	fmt.Fprintf(w, "%-6s %10s %14s %6s %10s\n", "config", "seconds", "max RSS MiB", "exit", "= node")
	for _, run := range r.Runs {
		fmt.Fprintf(w, "%-6s %10.1f %14.0f %6d %10v\n", run.Config, run.Seconds, run.MaxRSSMiB, run.Exit, run.SameAsA)
	}
	return nil
}

// SaveTSC writes <name>.json and <name>.txt into dir.
func SaveTSC(r *TSCResult, dir, name string) ([]string, error) {
	return saveFiles(dir, name, r, func(w io.Writer) error { return WriteTSCTable(w, r) }, nil)
}
