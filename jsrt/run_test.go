package jsrt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// result is what a script did.
type result struct {
	stdout, stderr string
	code           int
}

// runScript runs testdata/unit/<name> with args; opts may adjust Options.
func runScript(t *testing.T, name string, args []string, opts ...func(*Options)) result {
	t.Helper()
	var out, errb bytes.Buffer
	o := Options{
		Script: filepath.Join("testdata", "unit", name),
		Args:   args,
		Stdout: &out,
		Stderr: &errb,
	}
	for _, f := range opts {
		f(&o)
	}
	code, err := Run(o)
	if err != nil {
		t.Fatalf("Run(%s): %v", name, err)
	}
	return result{out.String(), errb.String(), code}
}

// golden reads testdata/unit/<name>, output recorded from node 20.
func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "unit", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func absUnit(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "unit", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func checkOut(t *testing.T, r result, wantOut string, wantCode int) {
	t.Helper()
	if r.stdout != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, wantOut)
	}
	if r.code != wantCode {
		t.Errorf("exit code %d, want %d (stderr: %s)", r.code, wantCode, r.stderr)
	}
}

func TestEventLoopOrder(t *testing.T) {
	r := runScript(t, "order.js", nil)
	checkOut(t, r, golden(t, "order.out"), 0)
}

func TestRequire(t *testing.T) {
	r := runScript(t, "req/main.js", nil)
	checkOut(t, r, golden(t, "req.out"), 0)
}

func TestMissingMainScript(t *testing.T) {
	_, err := Run(Options{Script: "testdata/unit/does-not-exist.js"})
	want := "Cannot find module '" + absUnit(t, "does-not-exist.js") + "'"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

func TestProcess(t *testing.T) {
	r := runScript(t, "process.js", []string{"one", "two"}, func(o *Options) {
		o.Env = []string{"GREETING=hi", "OTHER=x=y"}
	})
	checkOut(t, r, golden(t, "process.out"), 3)
	if want := golden(t, "process.err"); r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
}

func TestProcessExit(t *testing.T) {
	r := runScript(t, "exit.js", nil)
	checkOut(t, r, golden(t, "exit.out"), 5)
}

func TestUncaughtException(t *testing.T) {
	r := runScript(t, "uncaught.js", nil)
	checkOut(t, r, "exit 1\n", 1)
	file := absUnit(t, "uncaught.js")
	for _, want := range []string{
		file + ":4\n  throw new TypeError('bad thing');\n  ^\n",
		"\nTypeError: bad thing\n    at fail (" + file + ":4:9)\n",
		"\nNode.js " + Version + "\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestHandlers(t *testing.T) {
	r := runScript(t, "handled.js", nil)
	checkOut(t, r, golden(t, "handled.out"), 0)
}

func TestUnhandledRejection(t *testing.T) {
	r := runScript(t, "rejection.js", nil)
	checkOut(t, r, "start\n", 1)
	if !strings.Contains(r.stderr, "\nRangeError: async failure\n    at f ("+absUnit(t, "rejection.js")+":3:") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestSyntaxError(t *testing.T) {
	header := absUnit(t, "syntax.js") + ":3\n  return 1 +;\n            ^\n\nSyntaxError: Unexpected token ';'\n"
	r := runScript(t, "syntax.js", nil)
	checkOut(t, r, "", 1)
	if !strings.HasPrefix(r.stderr, header) {
		t.Errorf("stderr:\n%s\nwant prefix:\n%s", r.stderr, header)
	}
	// The same error from a required module, after the requirer has run.
	r = runScript(t, "requires_syntax.js", nil)
	checkOut(t, r, "main\n", 1)
	if !strings.HasPrefix(r.stderr, header) {
		t.Errorf("stderr:\n%s\nwant prefix:\n%s", r.stderr, header)
	}
}

func TestFS(t *testing.T) {
	dir := t.TempDir()
	r := runScript(t, "fs.js", []string{dir})
	checkOut(t, r, golden(t, "fs.out"), 0)
	// The script's last look at the directory went through the host.
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, ","); got != "b.txt,cb.txt,fd.txt" {
		t.Errorf("directory holds %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(b) != "héllo\nworld\n" {
		t.Errorf("b.txt = %q", b)
	}
}

func TestStdin(t *testing.T) {
	input := strings.Repeat("line of input\n", 10000) // several reads
	r := runScript(t, "stdin.js", nil, func(o *Options) { o.Stdin = strings.NewReader(input) })
	checkOut(t, r, "got "+jsonQuote(input)+" true\n", 0)
}

func jsonQuote(s string) string {
	return `"` + strings.ReplaceAll(s, "\n", `\n`) + `"`
}

func TestTimers(t *testing.T) {
	r := runScript(t, "timers.js", nil)
	checkOut(t, r, golden(t, "timers.out"), 0)
}

// TestConcurrentRuns runs scripts side by side: each Run has its own Ebb
// runtime and goja runtime, and they must not share state.
func TestConcurrentRuns(t *testing.T) {
	want := golden(t, "order.out")
	errs := make(chan string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var out bytes.Buffer
			code, err := Run(Options{Script: "testdata/unit/order.js", Stdout: &out})
			switch {
			case err != nil:
				errs <- err.Error()
			case code != 0 || out.String() != want:
				errs <- fmt.Sprintf("code %d, stdout %q", code, out.String())
			default:
				errs <- ""
			}
		}()
	}
	for i := 0; i < 4; i++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

func TestReadline(t *testing.T) {
	r := runScript(t, "readline.js", nil, func(o *Options) { o.Stdin = strings.NewReader("bob\n42\nextra\n") })
	checkOut(t, r, golden(t, "readline.out"), 0)
}

func TestFSMore(t *testing.T) {
	r := runScript(t, "fs_more.js", []string{t.TempDir()})
	checkOut(t, r, golden(t, "fs_more.out"), 0)
}

func TestConsole(t *testing.T) {
	r := runScript(t, "console_table.js", nil)
	checkOut(t, r, golden(t, "console_table.out"), 0)
	if want := golden(t, "console_table.err"); r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
}

func TestGlobals(t *testing.T) {
	r := runScript(t, "globals.js", nil)
	checkOut(t, r, golden(t, "globals.out"), 0)
}

// TestBuiltinModules: require('module').builtinModules and isBuiltin name
// exactly the core modules ebbnode can load, so packages that probe them
// (as bundlers and polyfill loaders do) see the truth.
func TestBuiltinModules(t *testing.T) {
	checkOut(t, runScript(t, "builtin_modules.js", nil), "checked 54\n", 0)
}
