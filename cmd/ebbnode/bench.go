package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
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
}

func init() {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench [flags]",
		Short: "Run the V8 benchmark suite v7 on node, ebbnode and a Linux VM, side by side",
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
Exit status: 0 when every run of every available configuration succeeded,
1 otherwise (the results are still written), 2 for bad flags.`,
		Example: `  ebbnode bench --quick
  ebbnode bench --configs a,b --reps 5
  ebbnode bench --out benchmarks/results --name v8-full`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBench(cmd, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.quick, "quick", false, "one run per benchmark, no warm-up: a fast check")
	f.StringVar(&o.configs, "configs", "a,b,c,d", "configurations to run, comma-separated")
	f.StringVar(&o.out, "out", "benchmarks/results", "directory for the JSON, table and chart")
	f.StringVar(&o.name, "name", "", `file name (no extension) of the results; default "quick" or "full"`)
	f.IntVar(&o.reps, "reps", 0, "runs per configuration (default 1 with --quick, else 3)")
	f.StringVar(&o.suites, "suites", "", "run only these suites, comma-separated (default all eight)")
	f.StringVar(&o.ebbnode, "ebbnode", "", "static ebbnode binary for b, c and d (default: build one from the source tree)")
	f.DurationVar(&o.timeout, "run-timeout", 0, "limit for one run (default 30m with --quick, else 3h)")
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
	if err := benchmarks.WriteTable(cmd.OutOrStdout(), res); err != nil {
		return err
	}
	paths, err := benchmarks.Save(res, o.out, name)
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
