package netstack

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHostedCLIHasNoGVisor: gVisor's stack is for images only; the hosted
// CLI (which `ebbnode exec` runs) must not link it.
func TestHostedCLIHasNoGVisor(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/ebbnode/ebbnode/cmd/ebbnode").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "gvisor.dev/") || strings.HasSuffix(p, "/netstack/native") {
			t.Errorf("cmd/ebbnode links %s", p)
		}
	}
}
