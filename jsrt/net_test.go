package jsrt

import (
	"net"
	"strings"
	"testing"
)

// TestNetClosedAtExit: a script that exits with a listener and a
// connection open leaves neither behind once Run returns — the port can
// be bound again at once, as after node exits.
func TestNetClosedAtExit(t *testing.T) {
	r := runScript(t, "net_exit_open.js", nil)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	port := strings.TrimSpace(r.stdout)
	if port == "" {
		t.Fatalf("script printed no port; stderr:\n%s", r.stderr)
	}
	ln, err := net.Listen("tcp4", "127.0.0.1:"+port)
	if err != nil {
		t.Fatalf("port %s still held after Run: %v", port, err)
	}
	_ = ln.Close()
}
