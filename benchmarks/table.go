package benchmarks

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the result as a table: one row per suite and a geometric
// mean row, one column per configuration (median scores) and per ratio,
// then the wall time per configuration and why any is missing.
func WriteTable(w io.Writer, r *Result) error {
	mode := "full"
	if r.Quick {
		mode = "quick"
	}
	reps := fmt.Sprintf("medians of %d run(s)", r.Completed)
	if r.Completed < r.Reps {
		reps += fmt.Sprintf(" (%d of %d repetitions done)", r.Completed, r.Reps)
	}
	fmt.Fprintf(w, "V8 benchmark suite v7 (%s), %s mode, %s; higher is better\n", r.Suite, mode, reps)
	fmt.Fprintf(w, "VM for c and d: %s, %d MiB, %d CPU, %s\n", r.VM.Machine, r.VM.MemoryMiB, r.VM.CPUs, r.VM.Accel)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"suite"}
	for _, c := range r.Configs {
		head = append(head, c.Key+" "+c.Name)
	}
	for _, q := range r.Ratios {
		head = append(head, q.Name)
	}
	row := func(cells []string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	row(head)
	for i, s := range append(append([]string(nil), r.Suites...), "Geomean") {
		cells := []string{s}
		for _, c := range r.Configs {
			switch {
			case c.Median == nil:
				cells = append(cells, "n/a")
			case i < len(r.Suites):
				cells = append(cells, FormatScore(c.Median[i]))
			default:
				cells = append(cells, FormatScore(c.Geomean))
			}
		}
		for _, q := range r.Ratios {
			switch {
			case q.Suites == nil:
				cells = append(cells, "-")
			case i < len(r.Suites):
				cells = append(cells, formatRatio(q.Suites[i]))
			default:
				cells = append(cells, formatRatio(q.Geomean))
			}
		}
		row(cells)
	}
	cells := []string{"time (s)"}
	for _, c := range r.Configs {
		if len(c.Runs) == 0 {
			cells = append(cells, "-")
		} else {
			cells = append(cells, fmt.Sprintf("%.1f", c.Seconds))
		}
	}
	row(cells)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("benchmarks: table: %w", err)
	}
	if err := writeRuns(w, r); err != nil {
		return err
	}
	for _, c := range r.Configs {
		if !c.Available {
			fmt.Fprintf(w, "%s (%s): not available: %s\n", c.Key, c.Name, c.Unavailable)
		}
		for _, run := range c.Runs {
			if run.Error != "" {
				fmt.Fprintf(w, "%s (%s) run %d failed: %s\n", c.Key, c.Name, run.Rep, firstLine(run.Error))
			}
		}
	}
	return nil
}

// FormatScore prints a score as base.js does: whole numbers above 100,
// otherwise three significant digits.
func FormatScore(x float64) string {
	if x > 100 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.3g", x)
}

func formatRatio(x float64) string {
	if x >= 100 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.3g", x)
}

// tableCounters are the kernel counters the runs table shows for c (all
// of them are in the JSON).
var tableCounters = []string{"traps", "syscalls", "timer", "pagefaults", "faults-2m", "switches", "halts", "tlb-grows"}

// writeRuns prints, for a session that recorded them, every run with its
// total score, wall time and the host's load average, c's runs with the
// kernel's counters beside them, then each ratio repetition by
// repetition. Sessions without load or counters (older results) print
// nothing here.
func writeRuns(w io.Writer, r *Result) error {
	recorded, reps := false, 0
	for _, c := range r.Configs {
		for _, run := range c.Runs {
			recorded = recorded || run.Load1 > 0 || run.Kernel != nil
			reps = max(reps, run.Rep)
		}
	}
	if !recorded {
		return nil
	}
	fmt.Fprintln(w, "runs (total score, wall time, host load average at the end; c: the kernel's counters for the boot)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(cells []string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	row(append([]string{"rep", "config", "total", "s", "load"}, tableCounters...))
	for rep := 1; rep <= reps; rep++ {
		for _, c := range r.Configs {
			for _, run := range c.Runs {
				if run.Rep != rep {
					continue
				}
				total := "failed"
				if run.Run != nil {
					total = FormatScore(run.Run.Total)
				}
				load := "-"
				if run.Load1 > 0 {
					load = fmt.Sprintf("%.2f", run.Load1)
				}
				cells := []string{fmt.Sprint(rep), c.Key, total, fmt.Sprintf("%.1f", run.Seconds), load}
				for _, k := range tableCounters {
					v, ok := run.Kernel[k]
					if !ok {
						cells = append(cells, "-")
						continue
					}
					cells = append(cells, fmt.Sprint(v))
				}
				row(cells)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("benchmarks: table: %w", err)
	}
	for _, q := range r.Ratios {
		if len(q.Reps) == 0 {
			continue
		}
		var cells []string
		lo, hi := 0.0, 0.0
		for _, x := range q.Reps {
			if x == 0 {
				cells = append(cells, "-")
				continue
			}
			cells = append(cells, formatRatio(x))
			if lo == 0 || x < lo {
				lo = x
			}
			hi = max(hi, x)
		}
		fmt.Fprintf(w, "%s by repetition (geomean): %s; spread %s-%s\n", q.Name, strings.Join(cells, " "), formatRatio(lo), formatRatio(hi))
	}
	return nil
}
