package main

import (
	"bytes"
	"context"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
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
	"github.com/ebbnode/ebbnode/host/qemu/qemutest"
)

// TestRunCommand drives a freshly built ebbnode binary's run command on tiny
// hand-made PVH images (host/qemu/qemutest), so it checks the CLI's
// streaming, exit codes, timeout and signal handling without the kernel.
func TestRunCommand(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "ebbnode")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	img := func(name string, p *qemutest.Program) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, sealed(t, atImageBase(t, p.ELF())), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	fifo := filepath.Join(dir, "fifo.img")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	ok := img("ok.elf", new(qemutest.Program).Exit(0))
	unsealed := filepath.Join(dir, "unsealed.elf")
	if err := os.WriteFile(unsealed, atImageBase(t, new(qemutest.Program).Exit(0).ELF()), 0o644); err != nil {
		t.Fatal(err)
	}
	corrupt := filepath.Join(dir, "corrupt.elf")
	if err := os.WriteFile(corrupt, []byte("this is not an ELF image\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hello := new(qemutest.Program).Print("hi from a tiny image\n").Exit(7)
	truncated := filepath.Join(dir, "truncated.elf")
	if err := os.WriteFile(truncated, atImageBase(t, hello.ELF())[:100], 0o644); err != nil {
		t.Fatal(err)
	}

	// A host port this test holds: the run must name it and this
	// process, and fail before QEMU starts (--verbose would print QEMU's
	// command line as it starts; see the check below the table).
	held, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	heldPort := held.Addr().(*net.TCPAddr).Port
	heldMsg := fmt.Sprintf("host port 127.0.0.1:%d/tcp is already in use by pid %d (", heldPort, os.Getpid())

	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string // exact
		stderrHas []string
	}{
		{"corrupt", []string{corrupt}, 1, "", []string{"ebbnode: image: ", "not an ELF"}},
		{"truncated", []string{truncated}, 1, "", []string{"ebbnode: image: "}},
		{"missing", []string{filepath.Join(dir, "nope.elf")}, 1, "", []string{"no such file"}},
		{"exit code and console", []string{"--accel", "tcg", img("hello.elf", hello)}, 7, "hi from a tiny image\n", nil},
		{"microvm", []string{"--machine", "microvm", "--memory", "64", img("micro.elf", new(qemutest.Program).Print("m").Exit(0))}, 0, "m", nil},
		{"crash", []string{img("tf.elf", new(qemutest.Program).TripleFault())}, 125, "", []string{"without an exit status"}},
		{"timeout", []string{"--timeout", "1s", img("hang.elf", new(qemutest.Program).Hang())}, 124, "", []string{"--timeout 1s"}},
		{"verbose", []string{"--verbose", "--accel", "tcg", img("v.elf", new(qemutest.Program).Exit(0))}, 0, "", []string{qemu.Binary + " ", "-kernel " + filepath.Join(dir, "v.elf")}},
		{"bad machine", []string{"--machine", "pc", ok}, 1, "", []string{`--machine "pc": unknown machine`}},
		// Input validation: one line naming the file or flag, nothing
		// started, no hang (a FIFO is not opened for a blocking read,
		// /dev/zero is not read at all).
		{"no digest", []string{unsealed}, 1, "", []string{"unsealed.elf: image records no digest"}},
		{"dev zero", []string{"/dev/zero"}, 1, "", []string{"/dev/zero: not a regular file but a character device"}},
		{"fifo", []string{fifo}, 1, "", []string{"fifo.img: not a regular file but a FIFO"}},
		{"directory", []string{dir}, 1, "", []string{"not a regular file but a directory"}},
		{"memory 0", []string{"--memory", "0", ok}, 1, "", []string{"--memory 0: out of range: want 32 to 16384"}},
		{"memory huge", []string{"--memory", "99999", ok}, 1, "", []string{"--memory 99999: out of range"}},
		{"cpus 0", []string{"--cpus", "0", ok}, 1, "", []string{"--cpus 0: out of range: want 1 to 32"}},
		{"cpus many", []string{"--cpus", "1000", ok}, 1, "", []string{"--cpus 1000: out of range"}},
		{"negative timeout", []string{"--timeout", "-1s", ok}, 1, "", []string{"--timeout -1s: negative"}},
		{"bad accel", []string{"--accel", "hvf", ok}, 1, "", []string{`--accel "hvf": unknown accelerator`}},
		// Network flags: syntax errors name the flag; the host side
		// (ports, tap devices) is checked before QEMU starts.
		{"bad -p", []string{"-p", "8080", ok}, 1, "", []string{`-p "8080": want [HOSTIP:]HOSTPORT:GUESTPORT`}},
		{"bad -p proto", []string{"-p", "8080:80/sctp", ok}, 1, "", []string{`-p "8080:80/sctp": protocol "sctp"`}},
		{"bad --net", []string{"--net", "bridge", ok}, 1, "", []string{`--net "bridge": want user, user:restrict, tap:IFNAME or none`}},
		{"restrict", []string{"--verbose", "--net", "user:restrict", "-p", fmt.Sprintf("%d:80", heldPort+2), img("restrict.elf", new(qemutest.Program).Exit(0))}, 0, "",
			[]string{fmt.Sprintf("-netdev user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:%d-:80 ", heldPort+2)}},
		{"-p without user net", []string{"--net", "none", "-p", "8080:80", ok}, 1, "", []string{"-p 8080:80: port forwards need --net user"}},
		{"duplicate -p", []string{"-p", "8080:80", "-p", "8080:81", ok}, 1, "", []string{"--net user: forwards", "use the same host port"}},
		{"port in use", []string{"--verbose", "-p", fmt.Sprintf("%d:80", heldPort), ok}, 1, "", []string{heldMsg}},
		{"no tap", []string{"--net", "tap:ebbnotthere0", ok}, 1, "", []string{"tap device ebbnotthere0 does not exist"}},
		{"bad --ip", []string{"--net", "tap:ebbnotthere0", "--ip", "10.0.3.2", ok}, 1, "", []string{`--ip "10.0.3.2": want an IPv4 address with its prefix length`}},
		{"bad --ip gateway", []string{"--net", "tap:ebbnotthere0", "--ip", "10.0.3.2/24,10.9.9.9", ok}, 1, "", []string{"--ip gateway 10.9.9.9: not another address in 10.0.3.0/24"}},
		{"--ip without tap", []string{"--ip", "10.0.3.2/24", ok}, 1, "", []string{"--ip 10.0.3.2/24: a static address needs --net tap:IFNAME (the network is user"}},
		{"net none", []string{"--verbose", "--net", "none", img("nonet.elf", new(qemutest.Program).Exit(0))}, 0, "", nil},
		{"forward", []string{"--verbose", "-p", fmt.Sprintf("%d:80", heldPort+1), img("fwd.elf", new(qemutest.Program).Exit(0))}, 0, "",
			[]string{fmt.Sprintf("-netdev user,id=net0,hostfwd=tcp:127.0.0.1:%d-:80 -device virtio-net-pci,netdev=net0", heldPort+1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append([]string{"run"}, tt.args...)...)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code || stdout.String() != tt.stdout {
				t.Errorf("exit %d stdout %q; want %d %q (stderr %q)", code, stdout.String(), tt.code, tt.stdout, stderr.String())
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr %q lacks %q", stderr.String(), s)
				}
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
				t.Errorf("want one line on stderr, got %q", stderr.String())
			}
			if tt.code == 1 && strings.Contains(stderr.String(), qemu.Binary) {
				t.Errorf("QEMU was started: %q", stderr.String())
			}
			if tt.name == "net none" && strings.Contains(stderr.String(), "-netdev") {
				t.Errorf("--net none attached a network: %q", stderr.String())
			}
			if tt.name == "forward" {
				// QEMU's forward went with QEMU.
				ln, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", heldPort+1))
				if err != nil {
					t.Errorf("forwarded port still held after the run: %v", err)
				} else {
					ln.Close()
				}
			}
		})
	}

	// Real kernel images: the boot tests' guests, built as a user would.
	for _, g := range []struct {
		pkg    string
		code   int
		stdout string
	}{
		{"hello", 0, "hello from ebbnode\n"},
		{"exit3", 3, "exiting with 3\n"},
	} {
		t.Run("kernel "+g.pkg, func(t *testing.T) {
			path := filepath.Join(dir, g.pkg+"-kernel.elf")
			err := image.Link(context.Background(), image.LinkOptions{
				Pkg: "github.com/ebbnode/ebbnode/kernel/boottest/testdata/" + g.pkg,
				Out: path,
			})
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "run", "--memory", "64", "--timeout", "60s", path)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err = cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != g.code || stdout.String() != g.stdout {
				t.Errorf("exit %d stdout %q; want %d %q (stderr %q)", code, stdout.String(), g.code, g.stdout, stderr.String())
			}
		})
	}

	t.Run("interrupt", func(t *testing.T) {
		spin := img("interrupt.elf", new(qemutest.Program).Print("ready\n").Hang())
		cmd := exec.Command(bin, "run", spin)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the guest runs, so the signal hits a live QEMU.
		buf := make([]byte, 6)
		if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready\n" {
			t.Fatalf("guest output %q, %v", buf, err)
		}
		start := time.Now()
		cmd.Process.Signal(syscall.SIGINT)
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("after SIGINT: %v, want exit status 130", err)
		}
		if took := time.Since(start); took > 15*time.Second { // a hang would run to --timeout
			t.Errorf("took %v to stop after SIGINT", took)
		}
		if pids := processesMentioning(t, spin); len(pids) > 0 {
			t.Errorf("QEMU left running: %v", pids)
		}
	})
}

// processesMentioning lists pids whose command line contains s.
func processesMentioning(t *testing.T, s string) []string {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	var pids []string
	for _, p := range procs {
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(s)) {
			pids = append(pids, filepath.Base(filepath.Dir(p)))
		}
	}
	return pids
}

// sealed records the image digest in a hand-made image, as Link does for
// real ones (`ebbnode run` refuses an image without one).
func sealed(t *testing.T, elfData []byte) []byte {
	t.Helper()
	b, err := image.Seal(elfData)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// atImageBase moves a qemutest image (position-independent code, loaded at
// 1 MiB) to image.ImageBase, where image.Check wants an image's ELF header
// (the kernel reads its program headers there): it rewrites the entry, the
// segments' addresses and the PVH note.
func atImageBase(t *testing.T, elfData []byte) []byte {
	t.Helper()
	b := bytes.Clone(elfData)
	le := binary.LittleEndian
	f, err := elf.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var load *elf.Prog
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Off == 0 {
			load = p
		}
	}
	if load == nil {
		t.Fatal("qemutest image without a PT_LOAD at offset 0")
	}
	shift := uint64(image.ImageBase) - load.Vaddr
	le.PutUint64(b[24:], f.Entry+shift)
	phoff, phent := le.Uint64(b[32:]), uint64(le.Uint16(b[54:]))
	for i, p := range f.Progs {
		ph := b[phoff+uint64(i)*phent:]
		if p.Vaddr != 0 {
			le.PutUint64(ph[16:], p.Vaddr+shift)
			le.PutUint64(ph[24:], p.Paddr+shift)
		}
		if p.Type == elf.PT_NOTE { // the PVH note: 12-byte header, "Xen\0", entry
			desc := b[p.Off+16:]
			le.PutUint64(desc, le.Uint64(desc)+shift)
		}
	}
	return b
}

// TestRunHelp: run's help states the limits the launcher enforces.
func TestRunHelp(t *testing.T) {
	cmd, _, err := rootCmd.Find([]string{"run"})
	if err != nil {
		t.Fatal(err)
	}
	help := strings.Join(strings.Fields(cmd.Long), " ")
	for _, want := range []string{
		fmt.Sprintf("--memory %d to %d MiB", launch.MinMemoryMiB, launch.MaxMemoryMiB),
		fmt.Sprintf("--cpus 1 to %d", launch.MaxCPUs),
		fmt.Sprintf("at most %d MiB", image.MaxSize>>20),
		"SIGINT (Ctrl-C), SIGTERM, SIGHUP or SIGPIPE",
		"-p [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp] (repeatable, TCP by default)",
		"(HOSTIP 127.0.0.1 unless given)",
		"--net tap:IFNAME attaches an existing tap device",
		"every -p host port free (else the port and the process holding it are named)",
		"--cpuprofile FILE writes a CPU profile of the app's run",
		"--debug LIST passes the kernel's debug switches",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("run --help lacks %q", want)
		}
	}
	for flag, want := range map[string]string{"memory": "1024", "cpus": "1", "timeout": "10m0s", "machine": "q35", "net": "user"} {
		if got := cmd.Flags().Lookup(flag).DefValue; got != want {
			t.Errorf("--%s default %q, want %q", flag, got, want)
		}
	}
}
