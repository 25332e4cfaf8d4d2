package benchmarks

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/benchmarks/octane"
)

// Result is one benchmark session: what ran where, every run, the medians.
// It is written as results/<name>.json.
type Result struct {
	Date   string   `json:"date"` // RFC 3339, UTC
	Quick  bool     `json:"quick"`
	Suite  string   `json:"suite"` // the npm package and version
	Suites []string `json:"suites"`
	Reps   int      `json:"reps"` // repetitions asked for
	// Completed is how many repetitions finished (fewer than Reps while a
	// session runs, or after it was interrupted).
	Completed int    `json:"completed"`
	Host      Host   `json:"host"`
	Go        string `json:"go"`
	Node      string `json:"node"`
	// Ebbnode is `ebbnode version` of the binary b, c and d ran.
	Ebbnode string `json:"ebbnode,omitempty"`
	QEMU    string `json:"qemu"`
	// VM is the machine both VM configurations boot, with the accelerator
	// resolved; AccelNote says why that accelerator.
	VM      VM              `json:"vm"`
	Configs []*ConfigResult `json:"configs"`
	Ratios  []Ratio         `json:"ratios"`
	Notes   []string        `json:"notes"`
}

// Host describes the machine the benchmarks ran on.
type Host struct {
	Hostname  string `json:"hostname"`
	CPU       string `json:"cpu"`
	Cores     int    `json:"cores"`
	MemoryMiB int    `json:"memoryMiB"`
	Kernel    string `json:"kernel"`
}

// VM is VMSettings as used.
type VM struct {
	Machine   string `json:"machine"`
	MemoryMiB int    `json:"memoryMiB"`
	CPUs      int    `json:"cpus"`
	Accel     string `json:"accel"`
	AccelNote string `json:"accelNote"`
	// LinuxKernel is the Debian package configuration d booted.
	LinuxKernel string `json:"linuxKernel,omitempty"`
}

// ConfigResult is one configuration's runs and medians.
type ConfigResult struct {
	Config
	Available   bool         `json:"available"`
	Unavailable string       `json:"unavailable,omitempty"` // why not
	Mode        string       `json:"mode"`
	Rules       octane.Rules `json:"rules"`
	Runs        []RunRecord  `json:"runs"`
	// Median is the median score of each suite over the successful runs,
	// in Result.Suites order; Geomean is their geometric mean.
	Median  []float64 `json:"median,omitempty"`
	Geomean float64   `json:"geomean,omitempty"`
	// Seconds is the wall time of all runs, start-up and boots included.
	Seconds float64 `json:"seconds"`
}

// RunRecord is one run of one configuration.
type RunRecord struct {
	Rep     int         `json:"rep"`
	Seconds float64     `json:"seconds"` // wall time, start-up included
	Run     *octane.Run `json:"run,omitempty"`
	Error   string      `json:"error,omitempty"`
	// Load1 is the host's one-minute load average as the run ended: the
	// machine may be shared, and load moves the VMs' scores.
	Load1 float64 `json:"load1,omitempty"`
	// Kernel is the native kernel's counters for the run (c only; see
	// KernelCounters).
	Kernel KernelCounters `json:"kernel,omitempty"`
}

// Ratio compares two configurations' medians, suite by suite (Result.Suites
// order) and for the geometric mean.
type Ratio struct {
	Name    string    `json:"name"` // e.g. "c/d"
	Suites  []float64 `json:"suites,omitempty"`
	Geomean float64   `json:"geomean,omitempty"`
	// Reps is the ratio of the geometric means repetition by repetition
	// (interleaved runs of the two, paired by Rep), 0 where either run
	// failed: the spread behind the medians.
	Reps []float64 `json:"reps,omitempty"`
	// Missing says why there are no numbers.
	Missing string `json:"missing,omitempty"`
}

func newResult(ctx context.Context, e *env, o Options) *Result {
	r := &Result{
		Date:   time.Now().UTC().Format(time.RFC3339),
		Quick:  o.Quick,
		Suite:  "benchmark-octane@" + octane.PackageVersion,
		Suites: (octane.Rules{Suites: o.Suites}).Expected(),
		Reps:   o.reps(),
		Host:   hostInfo(),
		Go:     runtime.Version(),
		Node:   commandLine(ctx, "node", "--version"),
		VM: VM{Machine: e.vm.Machine, MemoryMiB: e.vm.MemoryMiB, CPUs: e.vm.CPUs,
			Accel: e.vm.Accel, AccelNote: e.accelWhy},
	}
	if v, err := linuxvm.Version(ctx); err == nil {
		r.QEMU = v
	}
	if !o.Quick {
		r.Notes = append(r.Notes, "full mode: node (a) and ebbnode exec (b) use the suite's own timing rules "+
			"(base.js); the VM configurations (c, d) use the reduced vmfull rules (one timed run per benchmark, "+
			"no warm-up), because under TCG the suite's rules take hours per run")
	} else {
		r.Notes = append(r.Notes, "quick mode: one timed run per benchmark without warm-up; a smoke test, not a measurement")
	}
	return r
}

// summarize computes medians, geometric means and ratios from the runs.
func (r *Result) summarize() {
	for _, c := range r.Configs {
		c.Seconds = 0
		scores := make([][]float64, len(r.Suites))
		for _, run := range c.Runs {
			c.Seconds += run.Seconds
			if run.Run == nil {
				continue
			}
			for i, s := range r.Suites {
				scores[i] = append(scores[i], run.Run.Score(s))
			}
		}
		if len(scores) == 0 || len(scores[0]) == 0 {
			continue
		}
		c.Median = make([]float64, len(r.Suites))
		for i := range r.Suites {
			c.Median[i] = octane.Median(scores[i])
		}
		c.Geomean = octane.GeometricMean(c.Median)
	}
	r.Ratios = nil
	for _, p := range Ratios {
		r.Ratios = append(r.Ratios, r.ratio(p[0], p[1]))
	}
}

func (r *Result) config(key string) *ConfigResult {
	for _, c := range r.Configs {
		if c.Key == key {
			return c
		}
	}
	return nil
}

func (r *Result) ratio(num, den string) Ratio {
	q := Ratio{Name: num + "/" + den}
	n, d := r.config(num), r.config(den)
	switch {
	case n == nil || d == nil:
		q.Missing = "not measured"
	case n.Median == nil || d.Median == nil:
		q.Missing = "no results for " + map[bool]string{true: num, false: den}[n.Median == nil]
	default:
		q.Suites = make([]float64, len(r.Suites))
		for i := range r.Suites {
			q.Suites[i] = n.Median[i] / d.Median[i]
		}
		q.Geomean = n.Geomean / d.Geomean
		q.Reps = repRatios(n, d, r.Suites)
	}
	return q
}

// repRatios pairs the runs of n and d by repetition and returns the ratio
// of their geometric means over suites for each (0 where either failed).
func repRatios(n, d *ConfigResult, suites []string) []float64 {
	find := func(c *ConfigResult, rep int) *octane.Run {
		for _, run := range c.Runs {
			if run.Rep == rep {
				return run.Run
			}
		}
		return nil
	}
	var out []float64
	for _, run := range n.Runs {
		if len(out) >= run.Rep {
			continue // a repetition counted already
		}
		for len(out) < run.Rep-1 {
			out = append(out, 0)
		}
		rn, rd := run.Run, find(d, run.Rep)
		if rn == nil || rd == nil {
			out = append(out, 0)
			continue
		}
		var sn, sd []float64
		for _, s := range suites {
			sn, sd = append(sn, rn.Score(s)), append(sd, rd.Score(s))
		}
		out = append(out, octane.GeometricMean(sn)/octane.GeometricMean(sd))
	}
	return out
}

func hostInfo() Host {
	h := Host{Cores: runtime.NumCPU()}
	h.Hostname, _ = os.Hostname()
	h.CPU = procField("/proc/cpuinfo", "model name")
	var kb int
	if _, err := fmt.Sscan(procField("/proc/meminfo", "MemTotal"), &kb); err == nil {
		h.MemoryMiB = kb / 1024
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		h.Kernel = strings.TrimSpace(string(b))
	}
	return h
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// commandLine returns the first output line of a command, or "" if it fails.
func commandLine(ctx context.Context, name string, args ...string) string {
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return ""
	}
	l, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return l
}
