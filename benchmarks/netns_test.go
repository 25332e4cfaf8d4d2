package benchmarks

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNetNS: the tap rows' namespace holds the tap device with the host
// address, DialContext dials from inside it (the tap's own address
// answers, refusing the port; outside the namespace nothing has that
// address), and close removes it all.
func TestNetNS(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a network namespace needs root (CI runs as root)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := newNetNS(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer n.close()
	out, err := exec.Command("ip", "-n", n.name, "-o", "addr", "show", "dev", tapName).CombinedOutput()
	if err != nil || !strings.Contains(string(out), tapHostAddr) {
		t.Fatalf("tap in the namespace: %v %s", err, out)
	}
	_, err = n.DialContext(ctx, "tcp", "10.0.3.1:9")
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dial 10.0.3.1:9 from the namespace = %v, want connection refused", err)
	}
	n.close()
	if out, _ := exec.Command("ip", "netns", "list").Output(); strings.Contains(string(out), n.name) {
		t.Errorf("namespace %s still there: %s", n.name, out)
	}
}
