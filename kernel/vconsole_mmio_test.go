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
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// TestVirtioConsoleAuto boots the vconsoleauto guest (virtio.OpenConsoleAuto)
// on microvm with both virtio-mmio register layouts (and without ACPI,
// where the wiring differs) and on q35: line echo
// both ways and a 64 KiB write, over interrupts (the guest reports how
// many its driver took; a driver that never got one would hang on the
// first read).
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
		{name: "microvm-mmio-v1", machine: qemu.MachineMicrovm, args: []string{"-device", "virtio-serial-device"},
			transport: "mmio-v1", slotLine: `virtio-mmio slot 23 at 0xfeb02e00: version 1 device 3 gsi 47`},
		{name: "microvm-mmio-v2", machine: qemu.MachineMicrovm, args: []string{"-global", "virtio-mmio.force-legacy=false", "-device", "virtio-serial-device"},
			transport: "mmio-v2", slotLine: `virtio-mmio slot 23 at 0xfeb02e00: version 2 device 3 gsi 47`},
		// Without ACPI microvm has one I/O APIC and 8 transports on GSIs 5-12.
		{name: "microvm-acpi-off", machine: qemu.MachineMicrovm, args: []string{"-machine", "acpi=off", "-device", "virtio-serial-device"},
			transport: "mmio-v1", slotLine: `virtio-mmio slot 7 at 0xfeb00e00: version 1 device 3 gsi 12`},
		{name: "q35-pci", machine: qemu.MachineQ35, args: []string{"-device", "virtio-serial-pci-transitional"},
			transport: "pci-legacy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := echoOverConsole(t, img, tc.machine, tc.args, tc.transport)
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

// echoOverConsole boots img on machine with a virtio console (the device
// in args, a virtconsole on a socket chardev), runs the echo dialogue and
// returns the serial console after a clean exit.
func echoOverConsole(t *testing.T, img, machine string, args []string, transport string) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "c.sock")
	type result struct {
		r   qemu.Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		extra := append([]string{"-chardev", "socket,id=m,path=" + sock + ",server=on,wait=off"}, args...)
		extra = append(extra, "-device", "virtconsole,chardev=m")
		r, err := qemu.Run(context.Background(), qemu.Config{Kernel: img, Machine: machine, MemoryMiB: 64,
			Timeout: boottest.DefaultTimeout, ExtraArgs: extra})
		done <- result{r, err}
	}()
	var conn net.Conn
	var err error
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if conn, err = net.Dial("unix", sock); err == nil {
			break
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
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(boottest.DefaultTimeout))
	rd := bufio.NewReader(conn)
	expect := func(want string) {
		t.Helper()
		got, err := rd.ReadString('\n')
		if err != nil || got != want {
			res := <-done
			t.Fatalf("read %q, %v; want %q; console:\n%s", got, err, want, res.r.Console)
		}
	}
	expect("ready " + transport + "\n")
	fmt.Fprintf(conn, "hello virtio\n")
	expect("echo: HELLO VIRTIO\n")
	fmt.Fprintf(conn, "second line\nquit\n")
	expect("echo: SECOND LINE\n")
	big := strings.Repeat("0123456789abcdef", 4096)
	expect(fmt.Sprintf("big %d %s\n", len(big), big))

	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.r.TimedOut || res.r.Crashed || res.r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0; console:\n%s", res.r.ExitCode, res.r.Crashed, res.r.TimedOut, res.r.Console)
	}
	return string(res.r.Console)
}
