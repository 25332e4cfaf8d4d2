package main

import (
	"bufio"
	"bytes"
	"context"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// TestRunHostFailure: a failure on the host side stops the run at once
// with one line naming the cause: a grant set the server would refuse,
// before boot; a guest that breaks the Messenger protocol (a frame with a
// reserved flag bit), while it runs, long before --timeout.
func TestRunHostFailure(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.js": "console.log('ok')\n", "a/.keep": "", "b/.keep": ""})
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")

	t.Run("grant conflict", func(t *testing.T) {
		nativeTools(t) // built once, outside the timing
		start := time.Now()
		r := ebbnode(t, dir, nil, "", "run", "--mount", a+":/x", "--mount", b+":/x", "ok.js")
		took := time.Since(start)
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, a+":/x") || !strings.Contains(r.stderr, b+":/x") {
			t.Errorf("exit %d stderr %q; want 1 and one line naming both grants", r.code, r.stderr)
		}
		// Refused before anything is built or booted: 0.07 s measured on
		// a quiet host. The bound only tells that from a boot that waits
		// for --timeout (10 minutes), and holds on a loaded CI host.
		if took > 20*time.Second {
			t.Errorf("refusing the grants took %v: it should happen before boot", took)
		}
	})

	t.Run("protocol error", func(t *testing.T) {
		nativeTools(t)
		rt := filepath.Join(t.TempDir(), "badframe.elf")
		if err := image.Link(context.Background(), image.LinkOptions{Pkg: "./testdata/badframe", Out: rt}); err != nil {
			t.Fatal(err)
		}
		if r := ebbnode(t, dir, []string{"EBBNODE_RUNTIME=" + rt}, "", "build", "-o", "bad.img", "ok.js"); r.code != 0 {
			t.Fatalf("build: %d %s", r.code, r.stderr)
		}
		start := time.Now()
		r := ebbnode(t, dir, nil, "", "run", "--accel", "tcg", "--timeout", "90s", "bad.img")
		took := time.Since(start)
		t.Logf("exit %d after %v, stderr %q", r.code, took, r.stderr)
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 ||
			!strings.Contains(r.stderr, "host side failed") || !strings.Contains(r.stderr, "reserved frame flags") || !strings.Contains(r.stderr, "QEMU stopped") {
			t.Errorf("exit %d stderr %q; want 1 and one line naming the protocol error", r.code, r.stderr)
		}
		// A boot under TCG takes seconds; waiting for --timeout would
		// take 90 s.
		if took > 45*time.Second {
			t.Errorf("took %v to stop after the protocol error", took)
		}
	})
}

// TestRunImageIntegrity: an app image whose runtime text was patched
// after the build (16 bytes of 0xCC at the start of goja's RunProgram,
// which every script goes through; the interpreter's loop itself, vm.run,
// is inlined under PGO) is refused before QEMU starts, in one line naming the file; the
// sealed image still boots with plain QEMU, which ignores the digest note.
func TestRunImageIntegrity(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.js": "console.log('ok')\n"})
	if r := ebbnode(t, dir, nil, "", "build", "-o", "ok.img", "ok.js"); r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	ok := filepath.Join(dir, "ok.img")
	data, err := os.ReadFile(ok)
	if err != nil {
		t.Fatal(err)
	}
	_, rt := nativeTools(t)
	off := symbolOffset(t, rt, data, "github.com/dop251/goja.(*Runtime).RunProgram")
	patched := bytes.Clone(data)
	copy(patched[off:], bytes.Repeat([]byte{0xCC}, 16))
	if bytes.Equal(patched, data) {
		t.Fatal("the patch changed nothing")
	}
	writeFiles(t, dir, map[string]string{"patched.img": string(patched)})
	r := ebbnode(t, dir, nil, "", "run", "--verbose", "patched.img")
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "patched.img: corrupt") {
		t.Errorf("exit %d stderr %q; want 1 and one line naming the corrupt file", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, qemu.Binary) {
		t.Errorf("QEMU was started for a corrupt image: %q", r.stderr)
	}

	// Plain QEMU loads the sealed image: the runtime starts, finds no
	// Messenger and says so.
	res, err := qemu.Run(context.Background(), qemu.Config{Kernel: ok, Accel: qemu.AccelTCG, Timeout: 2 * time.Minute})
	if err != nil || !strings.Contains(string(res.Console), "ebbnode-native: messenger channel") {
		t.Errorf("plain QEMU boot of a sealed image: %v, exit %d, console %q", err, res.ExitCode, res.Console)
	}
}

// symbolOffset returns the file offset of the function sym in the app
// image data, looked up in the symbol table of the runtime at rt (app
// images carry none; the addresses are the same).
func symbolOffset(t *testing.T, rt string, data []byte, sym string) int {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rf, err := elf.Open(rt)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	syms, err := rf.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range syms {
		if s.Name != sym {
			continue
		}
		for _, p := range f.Progs {
			if p.Type == elf.PT_LOAD && s.Value >= p.Vaddr && s.Value+16 <= p.Vaddr+p.Filesz {
				return int(p.Off + s.Value - p.Vaddr)
			}
		}
	}
	t.Fatalf("no symbol %s in a loaded segment", sym)
	return 0
}

// TestRunLeavesNothing: however a run of a .js file ends — SIGINT,
// SIGTERM, SIGHUP, a closed stdout pipe, SIGKILL — neither its private
// directory (socket and built image) nor QEMU remains; a SIGKILLed run's
// directory is removed by the next run.
func TestRunLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"spin.js":   "console.log('spinning');\nfor (;;) {}\n",
		"flood.js":  "for (let i = 0; ; i++) console.log('line ' + i);\n",
		"syntax.js": "let a = ;\n",
	})
	tmp := t.TempDir()
	env := []string{"TMPDIR=" + tmp}
	leftovers := func() []string {
		ents, _ := os.ReadDir(tmp)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			script := "spin.js"
			if sig == syscall.SIGPIPE {
				script = "flood.js"
			}
			cmd, out := startRun(t, dir, env, script)
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil {
				t.Fatalf("first line %q: %v", line, err)
			}
			if len(leftovers()) != 1 {
				t.Errorf("while running: %v in TMPDIR, want the run's directory", leftovers())
			}
			if sig == syscall.SIGPIPE {
				out.Close() // the reader goes away, as `| head -1` does
			} else {
				cmd.Process.Signal(sig)
			}
			err = waitTimeout(t, cmd, time.Minute)
			code := cmd.ProcessState.ExitCode()
			if sig == syscall.SIGKILL {
				if got := leftovers(); len(got) != 1 {
					t.Fatalf("after SIGKILL: %v in TMPDIR, want the dead run's directory", got)
				}
				// The next run sweeps it, even one that fails early.
				if r := ebbnode(t, dir, env, "", "run", "syntax.js"); r.code != 1 {
					t.Errorf("next run: exit %d %q", r.code, r.stderr)
				}
			} else if code != launch.ExitInterrupted {
				t.Errorf("after %v: %v (exit %d), want %d", sig, err, code, launch.ExitInterrupted)
			}
			if got := leftovers(); len(got) != 0 {
				t.Errorf("after %v: left in TMPDIR: %v", sig, got)
			}
			if pids := processesMentioning(t, tmp); len(pids) > 0 {
				time.Sleep(time.Second) // a SIGKILLed parent's QEMU gets its own SIGKILL asynchronously
				if pids = processesMentioning(t, tmp); len(pids) > 0 {
					t.Errorf("after %v: processes still running: %v", sig, pids)
				}
			}
		})
	}
}

// startRun starts `ebbnode run script` in dir and returns it with its
// standard output.
func startRun(t *testing.T, dir string, env []string, script string) (*exec.Cmd, *os.File) {
	t.Helper()
	bin, _ := nativeTools(t)
	cmd := exec.Command(bin, "run", "--accel", "tcg", "--timeout", "5m", script)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		r.Close()
		if t.Failed() {
			t.Logf("stderr of the run: %q", stderr.String())
		}
	})
	return cmd, r
}

// waitTimeout waits for cmd, killing it after limit.
func waitTimeout(t *testing.T, cmd *exec.Cmd, limit time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		return fmt.Errorf("still running after %v", limit)
	}
}
