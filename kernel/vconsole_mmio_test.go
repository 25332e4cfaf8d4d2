package kernel_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// TestVirtioConsoleAuto boots the vconsoleauto guest (virtio.OpenConsoleAuto)
// on microvm with both virtio-mmio register layouts (and without ACPI,
// where the wiring differs) and on q35, with the Messenger's port (a
// virtserialport, port 1, driven with MULTIPORT): the guest writes before
// the host connects (QEMU discards what a port receives with no host, so
// the driver must hold it), then line echo both ways and a 64 KiB write,
// over interrupts (the guest reports how many its driver took; a driver
// that never got one would hang on the first read).
func TestVirtioConsoleAuto(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./internal/guests/vconsoleauto")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		machine   string
		args      []string
		transport string
		slotLine  string // the guest's scan must list the console like this
	}{
		{name: "microvm-mmio-v1", machine: qemu.MachineMicrovm, args: nil,
			transport: "mmio-v1", slotLine: `virtio-mmio slot 23 at 0xfeb02e00: version 1 device 3 gsi 47`},
		{name: "microvm-mmio-v2", machine: qemu.MachineMicrovm, args: []string{"-global", "virtio-mmio.force-legacy=false"},
			transport: "mmio-v2", slotLine: `virtio-mmio slot 23 at 0xfeb02e00: version 2 device 3 gsi 47`},
		// Without ACPI microvm has one I/O APIC and 8 transports on GSIs 5-12.
		{name: "microvm-acpi-off", machine: qemu.MachineMicrovm, args: []string{"-machine", "acpi=off"},
			transport: "mmio-v1", slotLine: `virtio-mmio slot 7 at 0xfeb00e00: version 1 device 3 gsi 12`},
		{name: "q35-pci", machine: qemu.MachineQ35, args: nil,
			transport: "pci-legacy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startConsoleGuest(t, img, tc.machine, tc.args, false, "vconsoleauto", false)
			if s.port != 1 {
				t.Errorf("guest drives port %d, want 1 (the virtserialport)", s.port)
			}
			out := echoOverConsole(t, s, "ready "+tc.transport+"\n")
			if tc.slotLine != "" && !strings.Contains(out, tc.slotLine+"\n") {
				t.Errorf("serial console lacks %q:\n%s", tc.slotLine, out)
			}
			m := regexp.MustCompile(`vconsoleauto: (\S+): 2 lines echoed, (\d+) interrupts\n`).FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("serial console lacks the guest's summary:\n%s", out)
			}
			if m[1] != tc.transport {
				t.Errorf("guest used transport %q, want %q", m[1], tc.transport)
			}
			// Two received lines plus "quit" and at least 17 transmit
			// buffers returned: well over a handful of interrupts.
			if n, _ := strconv.Atoi(m[2]); n < 3 {
				t.Errorf("driver took %d interrupts, want at least 3", n)
			}
		})
	}
}

// consoleGuest is a guest booted with a virtio-serial port on a socket
// chardev that QEMU serves, and the host's connection to it.
type consoleGuest struct {
	conn net.Conn
	port int // the port the guest's driver serves
	done chan consoleResult
}

type consoleResult struct {
	r   qemu.Result
	err error
}

// serialWatch is the guest's serial console as it arrives; ready is
// closed once it holds a line matching re.
type serialWatch struct {
	mu    sync.Mutex
	buf   []byte
	re    *regexp.Regexp
	match []string
	ready chan struct{}
}

func (w *serialWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if w.match == nil {
		if w.match = w.re.FindStringSubmatch(string(w.buf)); w.match != nil {
			close(w.ready)
		}
	}
	return len(p), nil
}

// startConsoleGuest boots img on machine with the machine options args
// and the Messenger's channel (qemu.Channel, QEMU listening; port 0 as a
// virtconsole when console is set) and connects to the port. With
// hostFirst false it waits until the guest (named name) says on its serial
// console that it has written to the port, checks that the host side was
// not open then, and only then connects. With hostFirst true (for a
// virtconsole, which QEMU reports open from the start and whose data it
// drops while no host is connected) it connects as soon as QEMU listens.
func startConsoleGuest(t *testing.T, img, machine string, args []string, console bool, name string, hostFirst bool) *consoleGuest {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "c.sock")
	w := &serialWatch{re: regexp.MustCompile(name + `: queued before host: port (-?\d+) host open (\w+)\n`), ready: make(chan struct{})}
	g := &consoleGuest{done: make(chan consoleResult, 1)}
	go func() {
		ch := qemu.Channel{Socket: sock, Listen: true, Console: console}
		extra := append(append([]string(nil), args...), ch.Args(machine)...)
		r, err := qemu.Run(context.Background(), qemu.Config{Kernel: img, Machine: machine, MemoryMiB: 64,
			Timeout: boottest.DefaultTimeout, Console: w, ExtraArgs: extra})
		g.done <- consoleResult{r, err}
	}()
	if hostFirst {
		g.conn = dialWhileRunning(t, sock, g.done)
	}
	select {
	case <-w.ready:
	case res := <-g.done:
		t.Fatalf("QEMU ended before the guest wrote to its port: %v; console:\n%s", res.err, res.r.Console)
	}
	g.port, _ = strconv.Atoi(w.match[1])
	if hostFirst {
		return g
	}
	if w.match[2] != "false" {
		t.Fatalf("the guest saw the host side open before the host connected (%q)", w.match[0])
	}
	var err error
	if g.conn, err = net.Dial("unix", sock); err != nil {
		t.Fatalf("connecting to the guest's port: %v", err)
	}
	t.Cleanup(func() { g.conn.Close() })
	return g
}

// dialWhileRunning connects to sock as soon as QEMU listens on it.
func dialWhileRunning(t *testing.T, sock string, done chan consoleResult) net.Conn {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		conn, err := net.Dial("unix", sock)
		if err == nil {
			t.Cleanup(func() { conn.Close() })
			return conn
		}
		select {
		case res := <-done:
			t.Fatalf("QEMU ended before the console socket opened: %v; console:\n%s", res.err, res.r.Console)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("console socket never opened: %v", err)
		}
	}
}

// echoOverConsole runs the echo dialogue with a guest that first sent
// ready, and returns the serial console after a clean exit.
func echoOverConsole(t *testing.T, g *consoleGuest, ready string) string {
	t.Helper()
	conn := g.conn
	conn.SetDeadline(time.Now().Add(boottest.DefaultTimeout))
	rd := bufio.NewReader(conn)
	expect := func(want string) {
		t.Helper()
		got, err := rd.ReadString('\n')
		if err != nil || got != want {
			conn.Close()
			res := <-g.done
			t.Fatalf("read %q, %v; want %q; console:\n%s", got, err, want, res.r.Console)
		}
	}
	expect(ready)
	fmt.Fprintf(conn, "hello virtio\n")
	expect("echo: HELLO VIRTIO\n")
	fmt.Fprintf(conn, "second line\nquit\n")
	expect("echo: SECOND LINE\n")
	big := strings.Repeat("0123456789abcdef", 4096)
	expect(fmt.Sprintf("big %d %s\n", len(big), big))

	res := <-g.done
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.r.TimedOut || res.r.Crashed || res.r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0; console:\n%s", res.r.ExitCode, res.r.Crashed, res.r.TimedOut, res.r.Console)
	}
	return string(res.r.Console)
}
