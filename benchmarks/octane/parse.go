package octane

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
)

// linePrefix starts every line the driver prints for the harness. Lines
// without it (kernel messages, runtime warnings) are ignored, and it may be
// preceded by other text on the same line (a serial console can glue lines).
const linePrefix = "EBBBENCH "

// SuiteResult is one suite's score in one run.
type SuiteResult struct {
	Suite string  `json:"suite"`
	Score float64 `json:"score"`
	// Benchmarks and Usec: the suite's benchmarks and their time per run in
	// microseconds, from which Score is computed.
	Benchmarks []string  `json:"benchmarks"`
	Usec       []float64 `json:"usec"`
	// LatencyScore is Splay's Octane latency score; it is not part of V8 v7
	// and not in Total.
	LatencyScore float64 `json:"latencyScore,omitempty"`
}

// Run is one complete run of the suite.
type Run struct {
	Suites []SuiteResult `json:"suites"`
	// Total is the geometric mean of the suite scores.
	Total float64 `json:"total"`
	Mode  string  `json:"mode"`
	// Millis is the driver's own wall time for all suites (not start-up).
	Millis float64 `json:"millis"`
}

// Score returns the named suite's score, or 0 if the run lacks it.
func (r Run) Score(suite string) float64 {
	for _, s := range r.Suites {
		if s.Suite == suite {
			return s.Score
		}
	}
	return 0
}

type line struct {
	SuiteResult
	Error string   `json:"error"`
	Total *float64 `json:"total"`
	Mode  string   `json:"mode"`
	OK    bool     `json:"ok"`
	Mill  float64  `json:"millis"`
}

// Parse reads the driver's output and returns the run it describes. It fails
// unless exactly the suites in want (in suite order; see Rules.Expected)
// reported a valid score, no suite reported an error, and the total line
// agrees with the suite scores.
func Parse(r io.Reader, want []string) (Run, error) {
	var run Run
	var errs []string
	seenTotal := false
	ok := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		text := strings.TrimRight(sc.Text(), "\r")
		i := strings.Index(text, linePrefix)
		if i < 0 {
			continue
		}
		var l line
		if err := json.Unmarshal([]byte(text[i+len(linePrefix):]), &l); err != nil {
			return Run{}, fmt.Errorf("octane: bad driver line %q: %w", text, err)
		}
		switch {
		case l.Error != "":
			errs = append(errs, fmt.Sprintf("%s: %s", l.Suite, l.Error))
		case l.Total != nil:
			seenTotal, ok = true, l.OK
			run.Total, run.Mode, run.Millis = *l.Total, l.Mode, l.Mill
		default:
			run.Suites = append(run.Suites, l.SuiteResult)
		}
	}
	if err := sc.Err(); err != nil {
		return Run{}, fmt.Errorf("octane: reading driver output: %w", err)
	}
	if len(errs) > 0 {
		return Run{}, fmt.Errorf("octane: suite errors: %s", strings.Join(errs, "; "))
	}
	if !seenTotal {
		return Run{}, fmt.Errorf("octane: driver printed no total line (%d suite lines)", len(run.Suites))
	}
	if !ok {
		return Run{}, fmt.Errorf("octane: driver reported failure")
	}
	return run, run.check(want)
}

// check verifies the run holds exactly the suites names, in order, each with
// a valid score that its times reproduce, and that Total is their geometric
// mean.
func (r Run) check(names []string) error {
	if len(r.Suites) != len(names) {
		return fmt.Errorf("octane: %d suite results, want %d", len(r.Suites), len(names))
	}
	scores := make([]float64, len(names))
	for i, s := range r.Suites {
		if s.Suite != names[i] {
			return fmt.Errorf("octane: suite %d is %q, want %q", i, s.Suite, names[i])
		}
		if err := validScore(s.Score); err != nil {
			return fmt.Errorf("octane: %s: %w", s.Suite, err)
		}
		if len(s.Usec) == 0 || len(s.Usec) != len(s.Benchmarks) {
			return fmt.Errorf("octane: %s: %d times for %d benchmarks", s.Suite, len(s.Usec), len(s.Benchmarks))
		}
		if want := SuiteScore(reference(s.Suite), s.Usec); math.Abs(s.Score-want) > 1e-6*want {
			return fmt.Errorf("octane: %s: score %v, but its times give %v", s.Suite, s.Score, want)
		}
		scores[i] = s.Score
	}
	if err := validScore(r.Total); err != nil {
		return fmt.Errorf("octane: total: %w", err)
	}
	if want := GeometricMean(scores); math.Abs(r.Total-want) > 1e-6*want {
		return fmt.Errorf("octane: total %v is not the geometric mean %v of the suite scores", r.Total, want)
	}
	return nil
}

func reference(suite string) float64 {
	for _, s := range Suites {
		if s.Name == suite {
			return s.Reference
		}
	}
	return math.NaN()
}
