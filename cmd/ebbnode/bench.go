package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/benchmarks"
	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
)

type benchOptions struct {
	quick   bool
	configs string
	out     string
	name    string
	reps    int
	suites  string
	ebbnode string
	timeout time.Duration

	// --suite http
	suite       string
	duration    time.Duration
	rate        int
	connections int

	// --suite speedup
	vcpus string
	// --suite boot
	baseline string
}

func init() {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench [flags]",
		Short: "Run the V8 benchmark suite v7 (or the HTTP benchmark) on node, ebbnode and a Linux VM, side by side",
		Long: `bench runs the V8 benchmark suite v7 (Richards, DeltaBlue, Crypto, RayTrace,
EarleyBoyer, RegExp, Splay, NavierStokes; npm package benchmark-octane, cached
under ~/.cache/ebbnode) on these configurations, interleaved, and reports the
median score of each:

  a  stock node on the host
  b  ebbnode exec (hosted, goja) on the host
  c  the native ebbnode image (ebbnode build + ebbnode run) under QEMU
  d  ebbnode exec inside a Debian Linux VM, same QEMU machine as c

It prints a table with the ratios c/d, c/b and b/a and writes
<out>/<name>.json (every run, the machine, versions), <name>.txt (the table)
and <name>.svg (scores relative to d).

Full mode uses the suite's own timing rules for a and b and a reduced count
for the VMs (one timed run per benchmark, no warm-up), which under TCG still
takes five to eight minutes per VM run. --quick runs every benchmark once
without warm-up: a check that everything runs, not a measurement.

b, c and d run a static ebbnode built from the source tree around the
working directory, and c the native runtime linked from the same tree, so
all three run one build; or the binary --ebbnode names, with the native
runtime found as "ebbnode build" finds it (beside the binary, or
$EBBNODE_RUNTIME).

--suite http runs the HTTP benchmark instead: EbbRT's node test, a JS HTTP
server (benchmarks/http/server.js) answering every request with the same
148-byte page, loaded from this host by an open-loop generator (vegeta,
github.com/tsenart/vegeta/v12) over 127.0.0.1 only. For each
configuration it measures requests/s at saturation (--connections
concurrent connections for --duration), then p50/p99 latency at one fixed
rate (--rate, default a quarter of the lowest saturation measured, so
well below every configuration's); every response must be 200 with 148 bytes. a runs
the server under node, b under "ebbnode exec", c as a native image booted
with -p (QEMU user networking), d under "ebbnode exec" in the Linux VM
with the same netdev; dg runs the same page as a Go net/http server in
the Linux VM, and cg as a native image (the Go program linked with the
kernel, listening on gVisor's stack). ct, cgt, dt and dgt are c, cg, d
and dg on a tap device in a private network namespace that the session
creates and removes (root only; the native images get 10.0.3.2/24 on the
kernel command line), the load sent from inside it. The default is all
ten. A configuration whose runtime cannot serve yet
(no http module, no network in the image: the server ends before
answering) is reported as not available, with its error. Results go
to <out>/<name>.{json,txt,svg} (default name "http" or "http-quick").

--suite speedup measures parallel speedup instead: a CPU-bound Go program
(benchmarks/speedup/work, one goroutine per P) and a CPU-bound JS program
(benchmarks/speedup/workers.js, one worker_threads Worker per vCPU), each on
--vcpus vCPU counts (default 1,2), natively (gn: the Go program linked as
an image; jn: the script as an app image) and in the Linux VM (gl: the
same Go program, static; jl: the script under "ebbnode exec"), on the
same QEMU machine. Each program times its own work; the table gives the
median times, the speedup over the first count, and the host's load
average (the machine is shared). Runs are interleaved. Results go to
<out>/<name>.{json,txt,svg} (default name "speedup" or "speedup-quick").

--suite boot measures how long "ebbnode run hello.img" takes to the
script's first output byte (host wall clock, image built beforehand), for
this binary and, with --baseline, another one, interleaved run by run, and
the guest's own breakdown from further runs with --debug boot: firmware,
clock calibration, kernel, Go runtime, package inits, system Ebbs, jsrt,
first write. Results go to <out>/<name>.{json,txt} (default name "boot").

--suite tsc runs a compiler-class app (benchmarks/tsc/tsc.js: the npm
package typescript, pinned and cached under ~/.cache/ebbnode/tsc,
type-checking a small program against the DOM's types; over 800 MB RSS
under "ebbnode exec") on node, "ebbnode exec" and as an image in a 1024
MiB VM, and records each one's time, peak RSS and whether it printed what
node printed. Under TCG the image's run takes tens of minutes. Results go
to <out>/<name>.{json,txt} (default name "tsc").

Exit status: 0 when every run of every available configuration succeeded,
1 otherwise (the results are still written), 2 for bad flags.`,
		Example: `  ebbnode bench --quick
  ebbnode bench --configs a,b --reps 5
  ebbnode bench --out benchmarks/results --name v8-full
  ebbnode bench --suite http --configs a,b,c --duration 10s
  ebbnode bench --suite speedup --configs gn,gl --reps 5

  ebbnode bench --suite boot --reps 10 --baseline ../main/bin/ebbnode`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch o.suite {
			case "v8":
				return runBench(cmd, o)
			case "http":
				return runHTTPBench(cmd, o)
			case "speedup":
				return runSpeedupBench(cmd, o)
			case "boot":
				return runBootBench(cmd, o)
			case "tsc":
				return runTSCBench(cmd, o)
			}
			return fmt.Errorf("bench: --suite %q: want v8, http, speedup, boot or tsc", o.suite)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.quick, "quick", false, "one run per benchmark, no warm-up: a fast check")
	f.StringVar(&o.configs, "configs", "a,b,c,d", "configurations to run, comma-separated (http: also cg, dg, ct, cgt, dt, dgt; default all; speedup: gn, gl, jn, jl, default all)")
	f.StringVar(&o.out, "out", "benchmarks/results", "directory for the JSON, table and chart")
	f.StringVar(&o.name, "name", "", `file name (no extension) of the results; default "quick" or "full"`)
	f.IntVar(&o.reps, "reps", 0, "runs per configuration (speedup: per configuration and vCPU count; default 1 with --quick, else 3)")
	f.StringVar(&o.suites, "suites", "", "run only these suites, comma-separated (default all eight)")
	f.StringVar(&o.ebbnode, "ebbnode", "", "static ebbnode binary for b, c and d (default: build one from the source tree)")
	f.DurationVar(&o.timeout, "run-timeout", 0, "v8: limit for one run (default 30m with --quick, else 3h); http: the wait for a server's first answer (default 30s on the host, 10m in a VM)")
	f.StringVar(&o.suite, "suite", "v8", "benchmark: v8 (the V8 suite v7), http (a 148-byte HTTP server under load), speedup (CPU-bound Go and JS on 1 and 2 vCPUs), boot (time to first output of examples/hello.js as an image) or tsc (the typescript compiler type-checking a program: node, exec, and an image in 1 GiB)")
	f.StringVar(&o.vcpus, "vcpus", "1,2", "speedup: vCPU counts to compare, comma-separated; the first is the baseline")
	f.StringVar(&o.baseline, "baseline", "", "boot: another ebbnode binary (say, main's bin/ebbnode) run interleaved with this one")
	f.DurationVar(&o.duration, "duration", 0, "http: length of each measurement (default 2s with --quick, else 10s)")
	f.IntVar(&o.rate, "rate", 0, "http: fixed request rate for the latency measurement (default a quarter of the lowest saturation)")
	f.IntVar(&o.connections, "connections", 0, "http: concurrent connections at saturation (default 32)")
	rootCmd.AddCommand(cmd)
}

func runBench(cmd *cobra.Command, o benchOptions) error {
	if o.reps < 0 {
		return fmt.Errorf("bench: --reps must not be negative")
	}
	opts := benchmarks.Options{
		Quick:      o.quick,
		Configs:    splitList(o.configs),
		Reps:       o.reps,
		Suites:     splitList(o.suites),
		Ebbnode:    o.ebbnode,
		RunTimeout: o.timeout,
		Log:        cmd.ErrOrStderr(),
	}
	if opts.Ebbnode == "" {
		// Outside the source tree nothing can be built: run this binary,
		// which must then be static for the Linux VM.
		if _, err := linuxvm.ModuleRoot("."); err != nil {
			self, err := os.Executable()
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			opts.Ebbnode = self
		}
	}
	name := o.name
	if name == "" {
		name = map[bool]string{true: "quick", false: "full"}[o.quick]
	}
	// Save after every repetition: a full session under TCG takes long, and
	// an interrupted one should still leave what it measured.
	opts.AfterRep = func(r *benchmarks.Result) {
		if _, err := benchmarks.Save(r, o.out, name); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "ebbnode: bench: saving partial results: %v\n", err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := benchmarks.Run(ctx, opts)
	if res == nil {
		return fmt.Errorf("bench: %w", runErr)
	}
	return report(cmd, runErr,
		func() error { return benchmarks.WriteTable(cmd.OutOrStdout(), res) },
		func() ([]string, error) { return benchmarks.Save(res, o.out, name) })
}

// report prints a session's table, saves its files and turns an error of
// the session (whose results were still written) into exit status 1.
func report(cmd *cobra.Command, runErr error, table func() error, save func() ([]string, error)) error {
	if err := table(); err != nil {
		return err
	}
	paths, err := save()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", strings.Join(paths, ", "))
	if runErr != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "ebbnode: bench: %v\n", runErr)
		return exitError{1}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// runHTTPBench runs `bench --suite http`.
func runHTTPBench(cmd *cobra.Command, o benchOptions) error {
	for _, name := range []string{"reps", "suites"} {
		if cmd.Flags().Changed(name) {
			return fmt.Errorf("bench: --%s applies to the v8 suite, not http", name)
		}
	}
	if o.rate < 0 || o.connections < 0 || o.duration < 0 {
		return fmt.Errorf("bench: --rate, --connections and --duration must not be negative")
	}
	opts := benchmarks.HTTPOptions{
		Quick:        o.quick,
		Configs:      httpConfigs(cmd, o.configs),
		Duration:     o.duration,
		Rate:         o.rate,
		Connections:  o.connections,
		Ebbnode:      o.ebbnode,
		StartTimeout: o.timeout,
		Log:          cmd.ErrOrStderr(),
	}
	name := o.name
	if name == "" {
		name = map[bool]string{true: "http-quick", false: "http"}[o.quick]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := benchmarks.RunHTTP(ctx, opts)
	if res == nil {
		return fmt.Errorf("bench: %w", runErr)
	}
	return report(cmd, runErr,
		func() error { return benchmarks.WriteHTTPTable(cmd.OutOrStdout(), res) },
		func() ([]string, error) { return benchmarks.SaveHTTP(res, o.out, name) })
}

// httpConfigs is --configs for the http suite: every configuration
// unless the flag was given (its default names the v8 suite's four).
func httpConfigs(cmd *cobra.Command, s string) []string {
	if !cmd.Flags().Changed("configs") {
		return nil
	}
	return splitList(s)
}

// runSpeedupBench runs `bench --suite speedup`.
func runSpeedupBench(cmd *cobra.Command, o benchOptions) error {
	for _, name := range []string{"suites", "rate", "connections", "duration"} {
		if cmd.Flags().Changed(name) {
			return fmt.Errorf("bench: --%s does not apply to the speedup suite", name)
		}
	}
	if o.reps < 0 {
		return fmt.Errorf("bench: --reps must not be negative")
	}
	var cpus []int
	for _, f := range splitList(o.vcpus) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return fmt.Errorf("bench: --vcpus %q: want positive whole numbers, comma-separated", o.vcpus)
		}
		cpus = append(cpus, n)
	}
	if len(cpus) == 0 {
		return fmt.Errorf("bench: --vcpus is empty")
	}
	name := o.name
	if name == "" {
		name = map[bool]string{true: "speedup-quick", false: "speedup"}[o.quick]
	}
	opts := benchmarks.SpeedupOptions{
		Quick:      o.quick,
		CPUs:       cpus,
		Reps:       o.reps,
		Ebbnode:    o.ebbnode,
		RunTimeout: o.timeout,
		Log:        cmd.ErrOrStderr(),
		AfterRep: func(r *benchmarks.SpeedupResult) {
			if _, err := benchmarks.SaveSpeedup(r, o.out, name); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "ebbnode: bench: saving partial results: %v\n", err)
			}
		},
	}
	if cmd.Flags().Changed("configs") {
		opts.Configs = splitList(o.configs)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := benchmarks.RunSpeedup(ctx, opts)
	if res == nil {
		return fmt.Errorf("bench: %w", runErr)
	}
	return report(cmd, runErr,
		func() error { return benchmarks.WriteSpeedupTable(cmd.OutOrStdout(), res) },
		func() ([]string, error) { return benchmarks.SaveSpeedup(res, o.out, name) })
}

// binary is the ebbnode binary the boot and tsc suites run: --ebbnode, or
// this one.
func (o benchOptions) binary() (string, error) {
	if o.ebbnode != "" {
		return o.ebbnode, nil
	}
	self, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("bench: %w", err)
	}
	return self, nil
}

// runBootBench runs `bench --suite boot`.
func runBootBench(cmd *cobra.Command, o benchOptions) error {
	for _, name := range []string{"configs", "suites", "quick"} {
		if cmd.Flags().Changed(name) {
			return fmt.Errorf("bench: --%s does not apply to the boot suite", name)
		}
	}
	if o.reps < 0 {
		return fmt.Errorf("bench: --reps must not be negative")
	}
	bin, err := o.binary()
	if err != nil {
		return err
	}
	name := o.name
	if name == "" {
		name = "boot"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := benchmarks.RunBoot(ctx, benchmarks.BootOptions{
		Ebbnode: bin, Baseline: o.baseline, Reps: o.reps, Timeout: o.timeout, Log: cmd.ErrOrStderr(),
	})
	return report(cmd, runErr,
		func() error { return benchmarks.WriteBootTable(cmd.OutOrStdout(), res) },
		func() ([]string, error) { return benchmarks.SaveBoot(res, o.out, name) })
}

// runTSCBench runs `bench --suite tsc`.
func runTSCBench(cmd *cobra.Command, o benchOptions) error {
	bin, err := o.binary()
	if err != nil {
		return err
	}
	name := o.name
	if name == "" {
		name = "tsc"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := benchmarks.RunTSC(ctx, benchmarks.TSCOptions{Ebbnode: bin, Timeout: o.timeout, Log: cmd.ErrOrStderr()})
	if res == nil {
		return fmt.Errorf("bench: %w", runErr)
	}
	return report(cmd, runErr,
		func() error { return benchmarks.WriteTSCTable(cmd.OutOrStdout(), res) },
		func() ([]string, error) { return benchmarks.SaveTSC(res, o.out, name) })
}
