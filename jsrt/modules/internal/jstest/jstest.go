// Package jstest runs JavaScript snippets against ebbnode's core modules in a
// bare goja runtime and compares what they print with node's output recorded
// in golden files (testdata/<name>.out next to testdata/<name>.js).
//
// The runtime here is deliberately small: require, the module globals, a
// console whose log/error go through util.Format, a process object with
// cwd/env/pid/nextTick, and setImmediate/setTimeout run in order after the
// script (nextTick callbacks first). The real event loop lives in jsrt; modules must not
// depend on more than this.
//
// Run `UPDATE_GOLDEN=1 go test ./jsrt/modules/...` to re-record the golden
// files with the `node` on PATH (node 20); review the diff before
// committing it. Without the variable the tests never run node.
package jstest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"

	"github.com/ebbnode/ebbnode/jsrt/modules/all"
	"github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// update re-records golden files (an environment variable rather than a
// flag, so it can be set for every package in one go test run).
var update = os.Getenv("UPDATE_GOLDEN") != ""

type timer struct {
	fn   goja.Callable
	args []goja.Value
}

// Run executes src (named name in stack traces) and returns everything it
// wrote to stdout and stderr, in order, after pending immediates, timers
// (in registration order, ignoring delays) and promise jobs have run.
func Run(name, src string) (string, error) {
	rt := goja.New()
	new(require.Registry).Enable(rt)
	all.EnableGlobals(rt)
	var out bytes.Buffer
	var queue []timer // immediates and timers, in order
	var ticks []timer // process.nextTick callbacks, run before the queue

	console := rt.NewObject()
	write := func(c goja.FunctionCall) goja.Value {
		out.WriteString(util.Format(rt, c.Arguments))
		out.WriteByte('\n')
		return goja.Undefined()
	}
	for _, n := range []string{"log", "info", "error", "warn", "debug"} {
		console.Set(n, write)
	}
	rt.Set("console", console)

	schedule := func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok {
			panic(rt.NewTypeError("callback must be a function"))
		}
		var args []goja.Value
		if len(c.Arguments) > 2 {
			args = c.Arguments[2:]
		}
		queue = append(queue, timer{fn, args})
		return goja.Undefined()
	}
	rt.Set("setImmediate", func(c goja.FunctionCall) goja.Value {
		// setImmediate passes its extra arguments from index 1.
		fn := c.Argument(0)
		rest := append([]goja.Value{fn, goja.Undefined()}, c.Arguments[min(1, len(c.Arguments)):]...)
		return schedule(goja.FunctionCall{This: c.This, Arguments: rest})
	})
	rt.Set("setTimeout", schedule)

	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("jstest: working directory: %w", err)
	}
	process := rt.NewObject()
	process.Set("cwd", func() string { return wd })
	process.Set("pid", os.Getpid())
	env := rt.NewObject()
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env.Set(k, v)
		}
	}
	process.Set("env", env)
	process.Set("nextTick", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok {
			panic(rt.NewTypeError("callback must be a function"))
		}
		ticks = append(ticks, timer{fn, c.Arguments[1:]})
		return goja.Undefined()
	})
	rt.Set("process", process)

	if _, err := rt.RunScript(name, src); err != nil {
		return out.String(), fmt.Errorf("jstest: run %s: %w", name, err)
	}
	for len(ticks) > 0 || len(queue) > 0 {
		var t timer
		if len(ticks) > 0 {
			t, ticks = ticks[0], ticks[1:]
		} else {
			t, queue = queue[0], queue[1:]
		}
		// goja runs pending promise jobs when the call returns.
		if _, err := t.fn(goja.Undefined(), t.args...); err != nil {
			return out.String(), fmt.Errorf("jstest: callback in %s: %w", name, err)
		}
	}
	return out.String(), nil
}

// Golden runs every testdata/*.js in dir as a subtest and compares its
// output with the matching .out file (recorded from node).
func Golden(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		t.Fatalf("list %s: %v", dir, err)
	}
	if len(files) == 0 {
		t.Fatalf("no test scripts in %s", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".js")
		t.Run(name, func(t *testing.T) {
			goldenFile := strings.TrimSuffix(f, ".js") + ".out"
			if update {
				record(t, f, goldenFile)
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("read script: %v", err)
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("read golden (record it with UPDATE_GOLDEN=1): %v", err)
			}
			got, err := Run(f, string(src))
			if err != nil {
				t.Fatalf("%v\noutput so far:\n%s", err, got)
			}
			if got != string(want) {
				t.Errorf("output differs from node's\n%s", diff(string(want), got))
			}
		})
	}
}

func record(t *testing.T, script, golden string) {
	t.Helper()
	// Same working directory as Run: the package under test.
	cmd := exec.Command("node", script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, out)
	}
	if err := os.WriteFile(golden, out, 0o644); err != nil {
		t.Fatalf("write golden: %v", err)
	}
}

// diff shows the first differing line with some context.
func diff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n node: %q\n ours: %q", i+1, wl, gl)
		}
	}
	return "(same lines; trailing newline differs)"
}
