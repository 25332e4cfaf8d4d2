// Package benchmarks runs the V8 benchmark suite v7 side by side on several
// configurations — stock node (a), `ebbnode exec` (b), the native ebbnode
// image under QEMU (c) and ebbnode hosted in a Debian
// Linux VM under the same QEMU settings (d) — and reports median scores,
// ratios, a table, a JSON record and a chart.
//
// Runs are interleaved (rep 1 of every configuration, then rep 2, ...) so
// that a change in the machine's load hits all configurations alike.
//
// RunHTTP (http*.go) is the HTTP benchmark on the same configurations:
// EbbRT's node test, a JS server answering 148 bytes, loaded by vegeta
// over the loopback, the VMs reached through -p forwards.
package benchmarks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/octane"
)

// Modes are the suite's timing rules by mode name.
//
//   - quick: no warm-up, one timed run per benchmark. Under TCG one such
//     pass of ebbnode in the Linux VM takes about five minutes; the numbers
//     check that everything runs, they are not a measurement.
//   - full: the suite's own rules (base.js): a second of warm-up, then at
//     least a second and at least 32 runs (16 for RegExp and NavierStokes).
//   - vmfull: full mode for the VM configurations. Under TCG the suite's
//     rules would take hours per run (Crypto's Decrypt alone takes about a
//     minute per run there), so one timed run per benchmark, no warm-up
//     beyond the suite's own setup, and more repetitions instead. Goja is
//     an interpreter without a JIT, so warm-up changes little; V8 (a),
//     which needs it, never runs in a VM here.
var Modes = map[string]octane.Rules{
	"quick":  {Warmup: 0, MinIterations: 1},
	"full":   {SuiteRules: true},
	"vmfull": {Warmup: 0, MinIterations: 1},
}

// modeFor names the rules configuration c runs under.
func modeFor(quick bool, c Config) string {
	switch {
	case quick:
		return "quick"
	case c.VM:
		return "vmfull"
	default:
		return "full"
	}
}

// Options choose what Run measures.
type Options struct {
	Quick   bool
	Configs []string // configuration keys; none means all
	Reps    int      // runs per configuration; 0 means 1 in quick mode, 3 in full
	// Suites, when not empty, runs only these suites (a faster check).
	Suites []string
	// Ebbnode is the ebbnode binary for (b), (c) and (d), static for (d);
	// empty builds one, and c's native runtime, from the source tree
	// around the working directory.
	Ebbnode string
	// RunTimeout bounds one run; 0 means 30 minutes in quick mode and 3
	// hours in full mode.
	RunTimeout time.Duration
	// OctaneCache and LinuxCache override the download caches.
	OctaneCache, LinuxCache string
	Log                     io.Writer // progress; nil discards it
	// AfterRep, if set, is called with the result so far after every
	// repetition, so a long session can save what it has.
	AfterRep func(*Result)
}

func (o Options) reps() int {
	switch {
	case o.Reps > 0:
		return o.Reps
	case o.Quick:
		return 1
	default:
		return 3
	}
}

// selected returns the configurations o names, in table order.
func (o Options) selected() ([]Config, error) {
	if len(o.Configs) == 0 {
		return Configs, nil
	}
	want := map[string]bool{}
	for _, k := range o.Configs {
		if _, ok := configByKey(k); !ok {
			return nil, fmt.Errorf("benchmarks: unknown configuration %q (have a, b, c, d)", k)
		}
		want[k] = true
	}
	var cs []Config
	for _, c := range Configs {
		if want[c.Key] {
			cs = append(cs, c)
		}
	}
	return cs, nil
}

// Run measures the selected configurations and returns the result. It
// returns an error (with the result so far) when the options are bad, the
// suite cannot be prepared, or any run of an available configuration
// failed; an unavailable configuration is recorded, not an error.
func Run(ctx context.Context, o Options) (*Result, error) {
	cs, err := o.selected()
	if err != nil {
		return nil, err
	}
	if o.Reps < 0 {
		return nil, fmt.Errorf("benchmarks: %d repetitions", o.Reps)
	}
	for _, s := range o.Suites {
		if !octane.IsSuite(s) {
			return nil, fmt.Errorf("benchmarks: unknown suite %q (have %s)", s, strings.Join(octane.SuiteNames(), ", "))
		}
	}
	e, err := newEnv(ctx, o)
	if e != nil {
		defer e.close()
	}
	if err != nil {
		return nil, err
	}
	res := newResult(ctx, e, o)
	fmt.Fprintln(e.log, e.accelWhy)
	for _, c := range cs {
		cr := &ConfigResult{Config: c, Mode: modeFor(o.Quick, c), Runs: []RunRecord{}}
		cr.Rules = Modes[cr.Mode]
		cr.Rules.Suites = o.Suites
		if err := c.prepare(ctx, e); err != nil {
			cr.Unavailable = err.Error()
			fmt.Fprintf(e.log, "%s (%s): not available: %v\n", c.Key, c.Name, err)
		} else {
			cr.Available = true
		}
		res.Configs = append(res.Configs, cr)
	}
	res.VM.LinuxKernel = e.kernPkg
	if e.ebbnode != "" && e.ebbErr == nil {
		res.Ebbnode = commandLine(ctx, e.ebbnode, "version")
	}
	var failures []error
	for rep := 1; rep <= o.reps(); rep++ {
		for _, cr := range res.Configs {
			if !cr.Available {
				continue
			}
			rr := runOnce(ctx, e, cr, rep)
			cr.Runs = append(cr.Runs, rr)
			if rr.Error != "" {
				failures = append(failures, fmt.Errorf("%s (%s) run %d: %s", cr.Key, cr.Name, rep, rr.Error))
				fmt.Fprintf(e.log, "rep %d/%d %s (%s): FAILED after %.1f s: %s\n", rep, o.reps(), cr.Key, cr.Name, rr.Seconds, firstLine(rr.Error))
			} else {
				fmt.Fprintf(e.log, "rep %d/%d %s (%s): %.1f s, total score %.4g\n", rep, o.reps(), cr.Key, cr.Name, rr.Seconds, rr.Run.Total)
			}
			if ctx.Err() != nil {
				res.Notes = append(res.Notes, fmt.Sprintf("interrupted during repetition %d of %d", rep, o.reps()))
				res.summarize()
				return res, ctx.Err()
			}
		}
		res.Completed = rep
		res.summarize()
		if o.AfterRep != nil {
			o.AfterRep(res)
		}
	}
	return res, errors.Join(failures...)
}

// runOnce runs configuration cr once and parses what it printed.
func runOnce(ctx context.Context, e *env, cr *ConfigResult, rep int) RunRecord {
	start := time.Now()
	out, kc, err := cr.run(ctx, e, cr.Mode)
	rr := RunRecord{Rep: rep, Seconds: time.Since(start).Seconds(), Load1: loadAverage(), Kernel: kc}
	if err != nil {
		rr.Error = fmt.Sprintf("%v\n%s", err, tailLines(out, 20))
		return rr
	}
	run, err := octane.Parse(bytes.NewReader(out), cr.Rules.Expected())
	if err != nil {
		rr.Error = fmt.Sprintf("%v\n%s", err, tailLines(out, 20))
		return rr
	}
	rr.Run = &run
	return rr
}

func tailLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// loadAverage is the host's one-minute load average, 0 if unknown.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	var l float64
	fmt.Sscan(string(b), &l)
	return l
}
