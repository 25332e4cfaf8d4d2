package native

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

func TestMain(m *testing.M) { boottest.Main(m) }

// netArgs attaches a virtio-net device on QEMU's user network with the
// given host forwards (hostfwd specs): transitional PCI on q35 (the
// driver speaks the legacy interface), virtio-mmio on microvm.
func netArgs(machine string, forwards ...string) []string {
	netdev := "user,id=n0"
	for _, f := range forwards {
		netdev += ",hostfwd=" + f
	}
	dev := "virtio-net-pci-transitional,netdev=n0"
	if machine == qemu.MachineMicrovm {
		dev = "virtio-net-device,netdev=n0"
	}
	return []string{"-netdev", netdev, "-device", dev}
}

// TestBootNetwork boots netguest (the virtio-net driver under gVisor's
// stack) on q35 and microvm with QEMU user networking: the host reaches
// the image's HTTP server and TCP echo through hostfwd on 127.0.0.1, the
// image connects out to a listener on the host as 10.0.2.2, and reaches
// its own server over 127.0.0.1. The guest's driver counters must account
// for the traffic.
func TestBootNetwork(t *testing.T) {
	boottest.RequireQEMU(t)
	img, err := boottest.Build(context.Background(), "./testdata/netguest")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, machine, transport string
		cpus                     int
		args                     []string
	}{
		{"q35", qemu.MachineQ35, "pci-legacy mtu 1500", 1, nil},
		{"microvm", qemu.MachineMicrovm, "mmio-v1 mtu 1500", 1, nil},
		// virtio 1.x register layout: VERSION_1, FEATURES_OK, 12-byte headers.
		// and a device MTU (the MTU feature) below Ethernet's.
		{"microvm-mmio-v2", qemu.MachineMicrovm, "mmio-v2 mtu 1400", 1, []string{"-global", "virtio-mmio.force-legacy=false", "-global", "virtio-net-device.host_mtu=1400"}},
		// Two CPUs: MSI-X (q35) and the I/O APIC (microvm) deliver the
		// device's interrupts to the CPU the kernel dealt its vector.
		{"q35-2cpus", qemu.MachineQ35, "pci-legacy mtu 1500", 2, nil},
		{"microvm-2cpus", qemu.MachineMicrovm, "mmio-v1 mtu 1500", 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { bootNetwork(t, img, tc.machine, tc.transport, tc.cpus, tc.args) })
	}
}

func bootNetwork(t *testing.T, img, machine, transport string, cpus int, extra []string) {
	httpPort, echoPort := freePort(t), freePort(t)
	hostLn, hostSaw := hostLineServer(t)
	w := &watch{re: regexp.MustCompile(`netguest: listening`), ready: make(chan struct{})}
	// A test that fails early stops QEMU and waits for it (Cleanup).
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan bootResult, 1)
	finished := make(chan struct{})
	t.Cleanup(func() {
		cancel()
		<-finished
	})
	go func() {
		defer close(finished)
		args := append(netArgs(machine,
			fmt.Sprintf("tcp:127.0.0.1:%d-:8080", httpPort),
			fmt.Sprintf("tcp:127.0.0.1:%d-:8081", echoPort)), extra...)
		// debug=syscalls: the kernel lists the calls made at exit, and
		// marks those it answered ENOSYS.
		r, err := qemu.Run(ctx, qemu.Config{Kernel: img, Machine: machine, MemoryMiB: 128, CPUs: cpus,
			Timeout: 3 * time.Minute, Console: w, ExtraArgs: args, Append: "ebbnode.debug=syscalls"})
		done <- bootResult{r, err}
	}()
	select {
	case <-w.ready:
	case b := <-done:
		t.Fatalf("guest ended before listening (exit %d, %v):\n%s", b.r.ExitCode, b.err, b.r.Console)
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	cl := &http.Client{Timeout: 30 * time.Second}

	body := get(t, cl, base+"/")
	if want := "hello from ebbnode over " + transport + ", you are 10.0.2.2:"; !strings.HasPrefix(body, want) {
		t.Errorf("GET / = %q, want prefix %q", body, want)
	}
	// A body of many full-sized frames each way.
	big := strings.Repeat("0123456789abcdef", 8<<10)
	if got := post(t, cl, base+"/echo", big); got != big {
		t.Errorf("POST /echo of %d bytes came back as %d bytes (equal %v)", len(big), len(got), got == big)
	}
	body = get(t, cl, base+"/dial?port="+strconv.Itoa(hostLn.Addr().(*net.TCPAddr).Port))
	if want := `host said "hello image, you said hello from the image\n"`; body != want {
		t.Errorf("GET /dial = %q, want %q", body, want)
	}
	select {
	case from := <-hostSaw:
		if !strings.HasPrefix(from, "127.0.0.1:") {
			t.Errorf("the image's connection reached the host from %s, want 127.0.0.1", from)
		}
	case <-time.After(10 * time.Second):
		t.Error("the host's listener saw no connection from the image")
	}
	body = get(t, cl, base+"/loop")
	if !strings.Contains(body, "you are 127.0.0.1:") {
		t.Errorf("GET /loop = %q, want the image's own server seen from 127.0.0.1", body)
	}
	rounds := echoRounds(t, echoPort)
	get(t, cl, base+"/quit")

	var r qemu.Result
	select {
	case b := <-done:
		if b.err != nil {
			t.Fatalf("qemu: %v", b.err)
		}
		r = b.r
	case <-time.After(2 * time.Minute):
		t.Fatal("guest did not exit after /quit")
	}
	out := string(r.Console)
	if r.ExitCode != 0 {
		t.Fatalf("guest exit %d:\n%s", r.ExitCode, out)
	}
	checkStats(t, out, rounds)
	checkIRQCPU(t, out, cpus)
	sys := regexp.MustCompile(`ebbnode: syscalls:.*`).FindString(out)
	if sys == "" || strings.Contains(sys, "ENOSYS") {
		t.Errorf("the stack needs system calls the kernel lacks (or the summary is missing): %q", sys)
	}
	if !strings.Contains(out, "netguest: interrupts via netpoll\n") {
		t.Error("the driver does not wait in the Go netpoller (IRQ descriptor)")
	}
	t.Logf("%q", regexp.MustCompile(`netguest: (stats|driver|pci|mmio).*|ebbnode: syscalls.*`).FindAllString(out, -1))
}

type bootResult struct {
	r   qemu.Result
	err error
}

// echoRounds makes small round trips through the image's TCP echo and
// logs their mean time (the per-packet cost seen from the host: two
// frames each way through QEMU's user network and the guest driver).
func echoRounds(t *testing.T, port int) int {
	const rounds, size = 400, 64 // more frames than the receive ring holds: buffers must be reposted
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Minute))
	msg := []byte(strings.Repeat("x", size))
	buf := make([]byte, size)
	start := time.Now()
	for i := 0; i < rounds; i++ {
		msg[0] = byte(i)
		if _, err := c.Write(msg); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		if _, err := io.ReadFull(c, buf); err != nil || string(buf) != string(msg) {
			t.Fatalf("round %d: echo %q, %v", i, buf, err)
		}
	}
	t.Logf("%d TCP round trips of %d bytes: %v each (host -> QEMU user net -> guest echo -> host)", rounds, size, time.Since(start)/rounds)
	return rounds
}

// checkStats: the driver counted at least a frame each way per round trip
// and took interrupts.
func checkStats(t *testing.T, out string, rounds int) {
	m := regexp.MustCompile(`netguest: stats rx (\d+) tx (\d+) interrupts (\d+) polls (\d+) rxdropped (\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("console lacks the driver's counters:\n%s", out)
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	if n(1) < rounds || n(2) < rounds {
		t.Errorf("driver counted rx %d tx %d frames, want at least %d each", n(1), n(2), rounds)
	}
	if n(3) == 0 {
		t.Error("driver took no interrupts")
	}
}

func post(t *testing.T, cl *http.Client, url, body string) string {
	t.Helper()
	resp, err := cl.Post(url, "application/octet-stream", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d %v", url, resp.StatusCode, err)
	}
	return string(b)
}

func get(t *testing.T, cl *http.Client, url string) string {
	t.Helper()
	resp, err := cl.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %q %v", url, resp.StatusCode, b, err)
	}
	return string(b)
}

// hostLineServer listens on the host's loopback for the image: it answers
// one line per connection and reports where each came from.
func hostLineServer(t *testing.T) (net.Listener, <-chan string) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	saw := make(chan string, 4)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.SetDeadline(time.Now().Add(30 * time.Second))
			line, _ := bufio.NewReader(c).ReadString('\n')
			fmt.Fprintf(c, "hello image, you said %s", line)
			c.Close()
			saw <- c.RemoteAddr().String()
		}
	}()
	return ln, saw
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// watch is the serial console as it arrives; ready closes at the first
// match of re.
type watch struct {
	mu    sync.Mutex
	buf   []byte
	re    *regexp.Regexp
	hit   bool
	ready chan struct{}
}

func (w *watch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if !w.hit && w.re.Match(w.buf) {
		w.hit = true
		close(w.ready)
	}
	return len(p), nil
}

// checkIRQCPU checks where the device's interrupts were taken: on the CPU
// the kernel dealt the vector (CPU 1 of two, CPU 0 alone) and on no other,
// since the network device is the guest's only one.
func checkIRQCPU(t *testing.T, out string, cpus int) {
	t.Helper()
	m := regexp.MustCompile(`netguest: irq cpu (\d+) of (\d+), device interrupts((?: cpu\d+=\d+)+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("console lacks the interrupt CPUs:\n%s", out)
	}
	want := cpus - 1
	if got, _ := strconv.Atoi(m[1]); got != want {
		t.Errorf("the network vector went to CPU %d, want %d", got, want)
	}
	if online, _ := strconv.Atoi(m[2]); online != cpus {
		t.Fatalf("%d CPUs online, want %d", online, cpus)
	}
	for _, c := range regexp.MustCompile(`cpu(\d+)=(\d+)`).FindAllStringSubmatch(m[3], -1) {
		cpu, _ := strconv.Atoi(c[1])
		n, _ := strconv.Atoi(c[2])
		if cpu == want && n == 0 {
			t.Errorf("CPU %d, the vector's, took no device interrupt", cpu)
		}
		if cpu != want && n != 0 {
			t.Errorf("CPU %d took %d device interrupts, all should reach CPU %d", cpu, n, want)
		}
	}
}
