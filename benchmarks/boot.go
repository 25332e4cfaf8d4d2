package benchmarks

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Boot time: how long `ebbnode run hello.img` takes from the command's
// start to the script's first byte on standard output, measured on the
// host (so QEMU's own start, the firmware, the kernel, the Go runtime,
// the system Ebbs, jsrt and the Messenger's trip all count), for one or
// two ebbnode builds interleaved run by run, so a busy host slows both
// alike. A further set of runs with `--debug boot` gives the guest's own
// breakdown by the TSC (kernel/boottime.go); those runs print more on the
// serial console, so their totals are not the headline.

// BootOptions configures RunBoot.
type BootOptions struct {
	// Ebbnode is the ebbnode binary measured; Baseline, if set, another
	// (say, main's) interleaved with it. Each builds the image from Script
	// itself, with the native runtime it finds.
	Ebbnode, Baseline string
	Script            string        // the app (default: examples/hello.js under the working directory)
	Reps              int           // runs per binary (default 10)
	Timeout           time.Duration // per run (default 2m)
	Log               io.Writer     // progress; nil discards
}

// BootResult is a boot session: every run and the medians.
type BootResult struct {
	Date     string                          `json:"date"`
	Host     string                          `json:"host"`
	LoadAvg  []string                        `json:"load_avg"` // /proc/loadavg at the start and the end
	Script   string                          `json:"script"`
	Reps     int                             `json:"reps"`
	Binaries map[string]string               `json:"binaries"`        // key -> path
	FirstOut map[string][]float64            `json:"first_output_ms"` // key -> per run
	Total    map[string][]float64            `json:"total_ms"`        // key -> per run (the command's whole life)
	Stages   map[string]map[string][]float64 `json:"stages_ms"`       // key -> stage -> per run, from --debug boot (ms since QEMU's machine start)
	Notes    []string                        `json:"notes"`
}

// RunBoot measures boot times. The result is returned even with an error
// (what was measured so far).
func RunBoot(ctx context.Context, o BootOptions) (*BootResult, error) {
	if o.Reps <= 0 {
		o.Reps = 10
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Script == "" {
		o.Script = filepath.Join("examples", "hello.js")
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	host, _ := os.Hostname()
	r := &BootResult{
		Date: time.Now().UTC().Format(time.RFC3339), Host: host, Script: o.Script, Reps: o.Reps,
		Binaries: map[string]string{"new": o.Ebbnode},
		FirstOut: map[string][]float64{}, Total: map[string][]float64{},
		Stages: map[string]map[string][]float64{},
		Notes: []string{
			"first_output_ms: from the start of `ebbnode run IMAGE` (image already built) to the first byte of the script's stdout, host wall clock",
			"stages_ms: from runs with --debug boot (GODEBUG inittrace and gctrace on the serial console too, so they run a little slower): the guest's TSC, which QEMU starts at 0 when the machine starts, so 'pvh-entry' is QEMU's firmware",
			fmt.Sprintf("runs interleaved binary by binary; %d host CPUs", runtime.NumCPU()),
		},
	}
	r.LoadAvg = append(r.LoadAvg, loadAvg())
	keys := []string{"new"}
	if o.Baseline != "" {
		r.Binaries["baseline"] = o.Baseline
		keys = []string{"baseline", "new"}
	}
	work, err := os.MkdirTemp("", "ebbnode-bootbench-")
	if err != nil {
		return r, fmt.Errorf("benchmarks: %w", err)
	}
	defer os.RemoveAll(work)
	images := map[string]string{}
	for _, k := range keys {
		img := filepath.Join(work, k+".img")
		out, err := exec.CommandContext(ctx, r.Binaries[k], "build", o.Script, "-o", img).CombinedOutput()
		if err != nil {
			return r, fmt.Errorf("benchmarks: %s build %s: %v: %s", r.Binaries[k], o.Script, err, out)
		}
		images[k] = img
	}
	for rep := 0; rep < o.Reps; rep++ {
		for _, k := range keys {
			first, total, err := timeBoot(ctx, o.Timeout, r.Binaries[k], images[k])
			if err != nil {
				return r, err
			}
			r.FirstOut[k] = append(r.FirstOut[k], first)
			r.Total[k] = append(r.Total[k], total)
			fmt.Fprintf(o.Log, "boot %s rep %d: first output %.0f ms, total %.0f ms\n", k, rep+1, first, total)
		}
	}
	// The breakdown, from the binaries that print one.
	for rep := 0; rep < o.Reps; rep++ {
		for _, k := range keys {
			st, err := bootStages(ctx, o.Timeout, r.Binaries[k], images[k])
			if err != nil {
				fmt.Fprintf(o.Log, "boot %s: no breakdown: %v\n", k, err)
				continue
			}
			if r.Stages[k] == nil {
				r.Stages[k] = map[string][]float64{}
			}
			for s, ms := range st {
				r.Stages[k][s] = append(r.Stages[k][s], ms)
			}
		}
	}
	r.LoadAvg = append(r.LoadAvg, loadAvg())
	return r, nil
}

// timeBoot runs bin run img and returns the milliseconds to the first byte
// on its stdout and to its end.
func timeBoot(ctx context.Context, timeout time.Duration, bin, img string) (first, total float64, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "run", "--timeout", timeout.String(), img)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, fmt.Errorf("benchmarks: %s run: %w", bin, err)
	}
	br := bufio.NewReader(out)
	if _, err := br.ReadByte(); err != nil {
		cmd.Wait()
		return 0, 0, fmt.Errorf("benchmarks: %s run %s: no output: %s", bin, img, stderr.Bytes())
	}
	first = ms(time.Since(start))
	io.Copy(io.Discard, br)
	if err := cmd.Wait(); err != nil {
		return 0, 0, fmt.Errorf("benchmarks: %s run %s: %v: %s", bin, img, err, stderr.Bytes())
	}
	return first, ms(time.Since(start)), nil
}

var stageRe = regexp.MustCompile(`(?m)^ebbnode: boot: (.+) at (\d+) us \(\+ \d+ us\)$`)

// bootStages runs bin run --debug boot --verbose img and returns each
// stage's end in milliseconds since the machine started (the guest's
// TSC), and two host-side ones: "host: run to QEMU exec" (ebbnode's own
// start: flags, the image's digest) from the moment --verbose prints
// QEMU's command line, and "host: QEMU exec to machine start", the rest of
// the host's time to the first output byte once the guest's own time to
// its first write is taken off (QEMU's set-up, plus the Messenger's trip).
func bootStages(ctx context.Context, timeout time.Duration, bin, img string) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "run", "--debug", "boot", "--verbose", "--timeout", timeout.String(), img)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	qemuAt := make(chan float64, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(errPipe)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		seen := false
		for sc.Scan() {
			if !seen && strings.HasPrefix(sc.Text(), "ebbnode: qemu-system") {
				qemuAt <- ms(time.Since(start))
				seen = true
			}
			stderr.Write(sc.Bytes())
			stderr.WriteByte('\n')
		}
	}()
	br := bufio.NewReader(stdout)
	_, firstErr := br.ReadByte()
	first := ms(time.Since(start))
	io.Copy(io.Discard, br)
	<-done
	if err := cmd.Wait(); err != nil || firstErr != nil {
		return nil, fmt.Errorf("%v %v: %s", err, firstErr, lastLines(stderr.String(), 3))
	}
	m := stageRe.FindAllStringSubmatch(stderr.String(), -1)
	if len(m) == 0 {
		return nil, fmt.Errorf("no boot stages printed (a build without ebbnode.debug=boot stages)")
	}
	st := map[string]float64{}
	for _, x := range m {
		us, _ := strconv.ParseFloat(x[2], 64)
		st[x[1]] = us / 1000
	}
	select {
	case q := <-qemuAt:
		st["host: run to QEMU exec"] = q
		if w, ok := st["first write to stdout"]; ok {
			st["host: QEMU exec to machine start"] = first - q - w
		}
	default:
	}
	st["host: run to first output (these runs)"] = first
	return st, nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, " | ")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}

// WriteBootTable prints the medians: time to first output and the
// guest's stages, in the order they happen.
func WriteBootTable(w io.Writer, r *BootResult) error {
	keys := []string{"new"}
	if _, ok := r.Binaries["baseline"]; ok {
		keys = []string{"baseline", "new"}
	}
	fmt.Fprintf(w, "boot of %s, %d runs per binary, interleaved; load average %s\n\n", r.Script, r.Reps, strings.Join(r.LoadAvg, " -> "))
	fmt.Fprintf(w, "%-44s", "median (ms)")
	for _, k := range keys {
		fmt.Fprintf(w, "%12s", k)
	}
	fmt.Fprintln(w)
	row := func(name string, get func(k string) []float64) {
		fmt.Fprintf(w, "%-44s", name)
		for _, k := range keys {
			if xs := get(k); len(xs) > 0 {
				fmt.Fprintf(w, "%12.0f", median(xs))
			} else {
				fmt.Fprintf(w, "%12s", "-")
			}
		}
		fmt.Fprintln(w)
	}
	row("run to first output (host)", func(k string) []float64 { return r.FirstOut[k] })
	row("run to exit (host)", func(k string) []float64 { return r.Total[k] })
	if b, n := r.FirstOut["baseline"], r.FirstOut["new"]; len(b) > 0 && len(b) == len(n) {
		ratios := make([]float64, len(n))
		for i := range n {
			ratios[i] = n[i] / b[i]
		}
		fmt.Fprintf(w, "%-44s%24.2f\n", "first output new/baseline, median of pairs", median(ratios))
	}
	// Stages in the order of their medians in the newest build.
	var stages []string
	for s := range r.Stages["new"] {
		stages = append(stages, s)
	}
	sort.Slice(stages, func(i, j int) bool {
		hi, hj := strings.HasPrefix(stages[i], "host:"), strings.HasPrefix(stages[j], "host:")
		if hi != hj {
			return hi
		}
		return median(r.Stages["new"][stages[i]]) < median(r.Stages["new"][stages[j]])
	})
	if len(stages) > 0 {
		fmt.Fprintln(w, "\nbreakdown (--debug boot --verbose runs): host times, then each guest stage's end since QEMU started the machine (guest TSC):")
	}
	for _, s := range stages {
		row("  "+s, func(k string) []float64 { return r.Stages[k][s] })
	}
	return nil
}

// SaveBoot writes <name>.json and <name>.txt into dir.
func SaveBoot(r *BootResult, dir, name string) ([]string, error) {
	return saveFiles(dir, name, r, func(w io.Writer) error { return WriteBootTable(w, r) }, nil)
}
