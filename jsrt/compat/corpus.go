// Package compat is the corpus format shared by the hosted and native
// differential tests: jsrt's TestCompat runs every script of
// jsrt/testdata/compat under node and `ebbnode exec`, cmd/ebbnode's
// TestNativeCorpus boots each one as an image, and both read the same
// headers, run the scripts in the same environment, describe differences the
// same way and accept the same engine gaps. Keeping that here means the two
// harnesses cannot drift apart on what a script asks for.
//
// Script header (leading // comment lines, read by ParseHeader):
//
//	// args: a "b c" d      arguments after the script path (quotes group)
//	// env: KEY=value K2=   extra environment variables
//	// stderr: compare      stderr is deterministic and must match too
//	// exit: 3              documents the code; node must agree with it
//	// cpus: 2              vCPUs of the image in the native run (default 1)
package compat

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// KnownEngineGaps are scripts that still differ from node because of goja
// itself, with the cause. They fail the same way hosted and native, so both
// harnesses read this one list. The harnesses still run these scripts and log
// their differences; the hosted one asserts each entry, so an entry that
// starts matching node fails until it is deleted.
// Keep the list short and every reason concrete: the triage is in the
// ebbnode report, and an entry is not a licence to stop fixing.
var KnownEngineGaps = map[string]string{
	"errors_stack_overflow":      "goja: exceeding SetMaxCallStackSize is not catchable by try/catch",
	"lang_destructuring_nested":  "goja parser: nested pattern with default inside a parameter pattern",
	"lang_json_numbers":          "goja: JSON.parse decodes numbers into float64 and rejects 1e400",
	"lang_json_stringify_deep":   "goja: JSON.stringify has no depth limit and scans all ancestors for cycles, O(depth^2): 8,000 levels serialise where node throws RangeError",
	"lang_json_stringify_indent": "goja: JSON.stringify indentation wrong after an empty {} or []",
	"lang_labels_templates":      "goja: tagged-template strings objects are not cached per site",
	"lang_new_target_call":       "goja: a function a constructor calls directly sees the constructor's new.target (engine.js's RegExp works around it)",
	"lang_number_format":         "goja: (-0.5).toString(16) loses the sign",
	"lang_regexp":                "goja: a literal's source spells / in a class as \\u002f (/[/]/.source)",
	"lang_sloppy_mode":           "goja: no Annex B hoisting of a function declared in a block (sloppy mode)",
	"lang_sort_stability":        "goja: sort swaps 0 and -0 when the comparator returns 0",
}

// Script is one corpus script and the options from its header.
type Script struct {
	Name          string // file name without .js, the subtest name
	File          string // file name, passed to every runtime
	Args          []string
	Env           []string // KEY=value entries
	CompareStderr bool
	WantExit      int // -1 when the header does not say
	// CPUs is the image's vCPU count natively (`ebbnode run --cpus`);
	// 0 when the header does not say (one). Hosted runs ignore it.
	CPUs int
}

// Result is what one runtime did with one script.
type Result struct {
	Stdout, Stderr []byte
	// ExitCode is -1 when the process was killed by a signal.
	ExitCode int
}

// ManifestFile names, one a line, every script of a corpus folder. Load
// checks the folder against it, so a deleted script or a listing that misses
// files fails every harness instead of shrinking the corpus unnoticed.
const ManifestFile = "MANIFEST"

// Load reads every top-level .js and .mjs file in dir (fixtures live in subfolders)
// and parses its header, sorted by name. The files found must be exactly the
// ones dir's MANIFEST lists.
func Load(dir string) ([]Script, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read compat corpus: %w", err)
	}
	var scripts []Script
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".js") && !strings.HasSuffix(e.Name(), ".mjs") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read compat script: %w", err)
		}
		s, err := ParseHeader(e.Name(), string(src))
		if err != nil {
			return nil, err
		}
		scripts = append(scripts, s)
	}
	sort.Slice(scripts, func(i, j int) bool { return scripts[i].Name < scripts[j].Name })
	if err := checkManifest(dir, scripts); err != nil {
		return nil, err
	}
	return scripts, nil
}

// checkManifest compares the scripts found with dir's MANIFEST (file names,
// one a line; blank lines and # comments skipped).
func checkManifest(dir string, scripts []Script) error {
	path := filepath.Join(dir, ManifestFile)
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("compat corpus manifest: %w", err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(src), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			listed[line] = true
		}
	}
	var unlisted, missing []string
	for _, s := range scripts {
		if !listed[s.File] {
			unlisted = append(unlisted, s.File)
		}
		delete(listed, s.File)
	}
	for f := range listed {
		missing = append(missing, f)
	}
	sort.Strings(missing)
	if len(missing) == 0 && len(unlisted) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %d scripts found, manifest differs: listed but not found %q; found but not listed %q (add new scripts to the manifest)",
		path, len(scripts), missing, unlisted)
}

// ParseHeader reads the options in the script's leading // comments. Lines
// without a known key (descriptions) are skipped; a known key with a bad
// value is an error, so a typo cannot silently weaken a test.
func ParseHeader(file, src string) (Script, error) {
	s := Script{Name: strings.TrimSuffix(strings.TrimSuffix(file, ".js"), ".mjs"), File: file, WantExit: -1}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "//")), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		var err error
		switch key {
		case "args":
			s.Args, err = SplitQuoted(val)
		case "env":
			s.Env, err = SplitQuoted(val)
			for _, kv := range s.Env {
				if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
					err = fmt.Errorf("env entry %q is not KEY=value", kv)
				}
			}
		case "stderr":
			if val != "compare" {
				err = fmt.Errorf("stderr: %q, want \"compare\"", val)
			}
			s.CompareStderr = true
		case "exit":
			s.WantExit, err = strconv.Atoi(val)
		case "cpus":
			s.CPUs, err = strconv.Atoi(val)
			if err == nil && (s.CPUs < 1 || s.CPUs > 4) {
				err = fmt.Errorf("cpus %d outside 1..4", s.CPUs)
			}
		}
		if err != nil {
			return s, fmt.Errorf("%s: header %q: %w", file, line, err)
		}
	}
	return s, nil
}

// SplitQuoted splits on spaces and tabs; single or double quotes group words
// (and may make an empty one).
func SplitQuoted(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, s)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}

// Run runs bin with argv (the runtime's arguments up to and including the
// script) followed by the header's args, in dir, with the corpus
// environment: a minimal fixed one plus the header's env, where tmp is both
// HOME and COMPAT_TMP. Every runtime gets the same environment so only the
// runtime differs. A non-zero exit is a Result, not an error; the error is
// for a run that did not finish (ctx done) or did not start, and the Result
// then holds the output so far.
func Run(ctx context.Context, s Script, dir, tmp, bin string, argv []string) (Result, error) {
	cmd := exec.CommandContext(ctx, bin, append(argv, s.Args...)...)
	cmd.Dir = dir
	cmd.Env = append([]string{
		"PATH=" + filepath.Dir(bin) + ":/usr/local/bin:/usr/bin:/bin",
		"HOME=" + tmp,
		"TZ=UTC",
		"LANG=C.UTF-8",
		"COMPAT_TMP=" + tmp,
	}, s.Env...)
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := Result{Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if ctx.Err() != nil {
		return res, fmt.Errorf("%s %s: did not finish: %w", filepath.Base(bin), strings.Join(argv, " "), ctx.Err())
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.ExitCode = exitErr.ExitCode()
	default:
		return res, fmt.Errorf("%s %s: %w", filepath.Base(bin), strings.Join(argv, " "), err)
	}
	return res, nil
}

// Compare lists every way got (the runtime called gotName in the messages)
// differs from want (node's run): stdout, exit code, and stderr when the
// header asks for it. No differences gives nil.
func Compare(s Script, want, got Result, gotName string) []string {
	var diffs []string
	if !bytes.Equal(want.Stdout, got.Stdout) {
		diffs = append(diffs, fmt.Sprintf("stdout differs from node's\n%s\n%s stderr:\n%s",
			describeDiff("stdout", want.Stdout, got.Stdout, gotName), gotName, Clip(got.Stderr)))
	}
	if want.ExitCode != got.ExitCode {
		diffs = append(diffs, fmt.Sprintf("exit code: node %d, %s %d\nnode stderr:\n%s\n%s stderr:\n%s",
			want.ExitCode, gotName, got.ExitCode, Clip(want.Stderr), gotName, Clip(got.Stderr)))
	}
	if s.CompareStderr && !bytes.Equal(want.Stderr, got.Stderr) {
		diffs = append(diffs, fmt.Sprintf("stderr differs from node's\n%s",
			describeDiff("stderr", want.Stderr, got.Stderr, gotName)))
	}
	return diffs
}

// describeDiff names the first differing line of one stream and shows both
// outputs.
func describeDiff(stream string, want, got []byte, gotName string) string {
	wl := strings.SplitAfter(string(want), "\n")
	gl := strings.SplitAfter(string(got), "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	line := func(ls []string) string {
		if i >= len(ls) || ls[i] == "" {
			return "(end of output)"
		}
		return strconv.Quote(ls[i])
	}
	return fmt.Sprintf("first difference at line %d:\n  %-9s%s\n  %-9s%s\n--- node %s ---\n%s\n--- %s %s ---\n%s",
		i+1, "node:", line(wl), gotName+":", line(gl), stream, Clip(want), gotName, stream, Clip(got))
}

// clipMax is how much of one output a failure message shows.
const clipMax = 4000

// Clip keeps failure messages readable when a script prints a lot.
func Clip(b []byte) string {
	if len(b) <= clipMax {
		return string(b)
	}
	return string(b[:clipMax]) + fmt.Sprintf("\n... (%d more bytes)", len(b)-clipMax)
}
