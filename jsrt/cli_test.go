package jsrt

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIExec builds the ebbnode binary and runs `ebbnode exec` as a user
// would, checking what reaches the terminal and the exit status.
func TestCLIExec(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the ebbnode binary")
	}
	bin := filepath.Join(t.TempDir(), "ebbnode")
	build := exec.Command("go", "build", "-o", bin, "../cmd/ebbnode")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	hello, err := filepath.Abs("../examples/hello.js")
	if err != nil {
		t.Fatal(err)
	}
	syntax := write("syntax.js", "let a = 1;\nlet x = ;\n")
	missingMod := write("missing_mod.js", "require('./nope');\n")
	args := write("args.js", "console.log(process.argv.slice(2).join(','));\nprocess.exitCode = 4;\n")

	tests := []struct {
		name       string
		args       []string
		wantOut    string
		wantErr    []string // substrings of stderr, in order
		wantCode   int
		exactEmpty bool // stderr must be empty
	}{
		{
			name:       "hello",
			args:       []string{hello, "tester"},
			wantOut:    "Hello, tester! This is " + Version + " on linux/" + nodeArch() + ".\nA 10 ms timer fired.\nGoodbye.\n",
			exactEmpty: true,
		},
		{
			name:     "syntax error",
			args:     []string{syntax},
			wantErr:  []string{syntax + ":2\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'\n"},
			wantCode: 1,
		},
		{
			name:     "missing script",
			args:     []string{filepath.Join(dir, "nothere.js")},
			wantErr:  []string{"Cannot find module '" + filepath.Join(dir, "nothere.js") + "'\n"},
			wantCode: 1,
		},
		{
			name:     "missing module",
			args:     []string{missingMod},
			wantErr:  []string{"Error: Cannot find module './nope'\nRequire stack:\n- " + missingMod + "\n", "code: 'MODULE_NOT_FOUND'"},
			wantCode: 1,
		},
		{
			name:       "script flags pass through",
			args:       []string{args, "--help", "-x", "y"},
			wantOut:    "--help,-x,y\n",
			wantCode:   4,
			exactEmpty: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			cmd := exec.Command(bin, append([]string{"exec"}, tc.args...)...)
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.wantCode, errb.String())
			}
			if out.String() != tc.wantOut {
				t.Errorf("stdout %q, want %q", out.String(), tc.wantOut)
			}
			rest := errb.String()
			for _, w := range tc.wantErr {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("stderr lacks %q:\n%s", w, errb.String())
				}
				rest = rest[i+len(w):]
			}
			if tc.exactEmpty && errb.Len() != 0 {
				t.Errorf("stderr not empty: %s", errb.String())
			}
		})
	}

	help, err := exec.Command(bin, "exec", "--help").CombinedOutput()
	if err != nil || !strings.Contains(string(help), "node script.js") {
		t.Errorf("exec --help: %v\n%s", err, help)
	}
}
