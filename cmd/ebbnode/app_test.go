package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/image"
)

// The native tests boot app images under QEMU (TCG when KVM is unusable):
// the script runs in the guest while ebbnode serves its I/O.

// TestRunApp: stdio, arguments, environment, files and exit codes reach
// the script and come back as they would under node.
func TestRunApp(t *testing.T) {
	dir := t.TempDir()
	grant := filepath.Join(dir, "grant")
	writeFiles(t, dir, map[string]string{
		"io.js": `const fs = require('fs');
const input = fs.readFileSync(0, 'utf8');
process.stdout.write('args=' + JSON.stringify(process.argv.slice(2)) + '\n');
process.stdout.write('env=' + process.env.GREETING + ',' + process.env.HOME + '\n');
process.stdout.write('stdin=' + JSON.stringify(input) + '\n');
process.stderr.write('to stderr\n');
`,
		"write.js": `const fs = require('fs');
fs.mkdirSync('out', {recursive: true});
fs.writeFileSync('out/result.txt', 'written in the guest\n');
fs.appendFileSync('out/result.txt', 'appended\n');
console.log(fs.readdirSync('out').join(','));
try {
  const s = fs.readFileSync('../../etc/passwd', 'utf8');
  console.log('ESCAPED: read ' + s.length + ' bytes');
} catch (e) {
  console.log('escape refused: ' + e.message);
}
`,
		"exit0.js":    "console.log('done')\n",
		"uncaught.js": "console.log('before');\nthrow new Error('boom');\n",
		"exit7.js":    "setTimeout(() => console.log('never'), 1000);\nprocess.exit(7);\n",
		"grant/.keep": "",
	})

	t.Run("stdio args env", func(t *testing.T) {
		r := ebbnode(t, dir, []string{"GREETING=leaked"}, "line one\nline two\n",
			"run", "--timeout", "2m", "-e", "GREETING=hi", "io.js", "--", "-a", "b c")
		want := "args=[\"-a\",\"b c\"]\nenv=hi,undefined\nstdin=\"line one\\nline two\\n\"\n"
		if r.code != 0 || r.stdout != want || r.stderr != "to stderr\n" {
			t.Errorf("exit %d\nstdout %q\nstderr %q\nwant exit 0, stdout %q, stderr %q", r.code, r.stdout, r.stderr, want, "to stderr\n")
		}
	})

	t.Run("files and escape", func(t *testing.T) {
		// The grant is a subdirectory, which the script runs in.
		r := ebbnode(t, grant, nil, "", "run", "--timeout", "2m", "--mount", grant, filepath.Join(dir, "write.js"))
		if r.code != 0 {
			t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
		}
		got, err := os.ReadFile(filepath.Join(grant, "out/result.txt"))
		if err != nil || string(got) != "written in the guest\nappended\n" {
			t.Errorf("host file = %q, %v", got, err)
		}
		if !strings.HasPrefix(r.stdout, "result.txt\n") {
			t.Errorf("readdir in the guest: %q", r.stdout)
		}
		if strings.Contains(r.stdout, "ESCAPED") || !strings.Contains(r.stdout, "escape refused: ENOENT: no such file or directory, open '../../etc/passwd'") {
			t.Errorf("escape attempt: %q", r.stdout)
		}
	})

	t.Run("examples/notes.js", func(t *testing.T) {
		notes, err := filepath.Abs("../../examples/notes.js")
		if err != nil {
			t.Fatal(err)
		}
		work := t.TempDir()
		ebbnode(t, work, nil, "", "run", "--timeout", "2m", notes, "--", "buy", "milk")
		r := ebbnode(t, work, nil, "from stdin\n", "run", "--timeout", "2m", notes, "--", "-")
		if want := "1. buy milk\n2. from stdin\n"; r.code != 0 || r.stdout != want {
			t.Errorf("exit %d stdout %q stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, want)
		}
		if b, err := os.ReadFile(filepath.Join(work, "notes.txt")); err != nil || string(b) != "buy milk\nfrom stdin\n" {
			t.Errorf("notes.txt on the host = %q, %v", b, err)
		}
	})

	t.Run("microvm", func(t *testing.T) {
		// virtio-mmio instead of PCI carries the Messenger.
		r := ebbnode(t, dir, nil, "", "run", "--machine", "microvm", "--timeout", "2m", "exit7.js")
		if r.code != 7 || r.stdout != "" || r.stderr != "" {
			t.Errorf("exit %d stdout %q stderr %q; want 7 and no output", r.code, r.stdout, r.stderr)
		}
		r = ebbnode(t, dir, []string{"GREETING=x"}, "in", "run", "--machine", "microvm", "--timeout", "2m", "--env-all", "io.js", "--", "m")
		if want := "args=[\"m\"]\nenv=x," + dir + "\nstdin=\"in\"\n"; r.code != 0 || r.stdout != want {
			t.Errorf("exit %d stdout %q stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, want)
		}
	})

	for _, tt := range []struct {
		script    string
		code      int
		stdout    string
		stderrHas string
	}{
		{"exit0.js", 0, "done\n", ""},
		{"uncaught.js", 1, "before\n", "Error: boom"},
		{"exit7.js", 7, "", ""},
	} {
		t.Run(tt.script, func(t *testing.T) {
			r := ebbnode(t, dir, nil, "", "run", "--timeout", "2m", tt.script)
			if r.code != tt.code || r.stdout != tt.stdout || !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("exit %d stdout %q stderr %q; want %d %q and stderr with %q", r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderrHas)
			}
		})
	}
}

// TestRunAppFaults: a corrupt image is refused before QEMU starts; a guest
// that panics or hangs ends with a non-zero status within --timeout, and
// what it printed (the backtrace) reaches stderr.
func TestRunAppFaults(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ok.js":   "console.log('ok')\n",
		"spin.js": "console.log('spinning');\nfor (;;) {}\n",
	})
	if r := ebbnode(t, dir, nil, "", "build", "-o", "ok.img", "ok.js"); r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	img, err := os.ReadFile(filepath.Join(dir, "ok.img"))
	if err != nil {
		t.Fatal(err)
	}
	payload, err := image.Payload(img)
	if err != nil {
		t.Fatal(err)
	}
	// Flip a byte inside the bundle: its checksum catches it.
	flipped := []byte(string(img))
	flipped[len(img)-len(payload)+100] ^= 0xff
	writeFiles(t, dir, map[string]string{
		"truncated.img": string(img[:len(img)-1000]),
		"flipped.img":   string(flipped),
	})
	for _, tt := range []struct{ img, want string }{
		{"truncated.img", "truncated"},
		{"flipped.img", "app bundle"},
	} {
		t.Run(tt.img, func(t *testing.T) {
			r := ebbnode(t, dir, nil, "", "run", "--verbose", tt.img)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d stderr %q; want 1 and one line with %q", r.code, r.stderr, tt.want)
			}
			if strings.Contains(r.stderr, "qemu-system") {
				t.Errorf("QEMU was started for a corrupt image: %q", r.stderr)
			}
		})
	}

	t.Run("hang", func(t *testing.T) {
		start := time.Now()
		r := ebbnode(t, dir, nil, "", "run", "--timeout", "20s", "spin.js")
		if r.code != 124 || !strings.Contains(r.stderr, "--timeout 20s") || r.stdout != "spinning\n" {
			t.Errorf("exit %d stdout %q stderr %q; want 124 after the timeout", r.code, r.stdout, r.stderr)
		}
		if took := time.Since(start); took > 40*time.Second {
			t.Errorf("took %v with --timeout 20s", took)
		}
	})

	t.Run("panic", func(t *testing.T) {
		nativeTools(t)
		rt := filepath.Join(t.TempDir(), "panicker.elf")
		if err := image.Link(context.Background(), image.LinkOptions{Pkg: "./testdata/panicker", Out: rt}); err != nil {
			t.Fatal(err)
		}
		if r := ebbnode(t, dir, []string{"EBBNODE_RUNTIME=" + rt}, "", "build", "-o", "panic.img", "ok.js"); r.code != 0 {
			t.Fatalf("build: %d %s", r.code, r.stderr)
		}
		start := time.Now()
		r := ebbnode(t, dir, nil, "", "run", "--timeout", "60s", "panic.img")
		t.Logf("exit %d, stderr:\n%s", r.code, r.stderr)
		if r.code == 0 || r.code == 124 {
			t.Errorf("exit %d, want the guest's non-zero panic status", r.code)
		}
		// Images carry no DWARF (host/image LDFlags): the backtrace
		// still names the function and its file:line.
		for _, want := range []string{"panic: deliberate guest panic", "goroutine 1", "main.main()", "testdata/panicker/main.go:9 +0x", "the script did not finish"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
		}
		if took := time.Since(start); took > 60*time.Second {
			t.Errorf("took %v with --timeout 60s", took)
		}
	})
}
