// Package layers holds the test that keeps the layering of docs/design.md
// true: lower layers never import higher ones, and the hosted CLI links
// no native-only code.
package layers

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ebbnode/ebbnode/"

// rules: packages matching a prefix must not depend (directly or not) on
// any package with one of the forbidden prefixes.
var rules = []struct {
	pkgs      string
	forbidden []string
}{
	{"libc", []string{module}}, // the ABI depends on nothing of ours
	{"kernel", []string{module + "runtime", module + "netstack", module + "jsrt", module + "host", module + "cmd"}},
	{"runtime", []string{module + "kernel", module + "netstack", module + "jsrt", module + "host", module + "cmd"}},
	{"netstack", []string{module + "jsrt", module + "host", module + "cmd"}},
	{"jsrt", []string{module + "kernel", module + "host", module + "cmd"}},
	{"host", []string{module + "kernel", module + "cmd"}},
	// gVisor and the drivers belong in the image only.
	{"cmd/ebbnode", []string{"gvisor.dev/", module + "kernel"}},
	// The image loads modules `ebbnode build` transformed already: no esbuild.
	{"cmd/ebbnode-native", []string{"github.com/evanw/esbuild", module + "jsrt/transform"}},
}

type pkg struct {
	ImportPath string
	Deps       []string
}

func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	n := 0
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(p.ImportPath, module)
		for _, r := range rules {
			if rel != r.pkgs && !strings.HasPrefix(rel, r.pkgs+"/") {
				continue
			}
			if r.pkgs == "cmd/ebbnode" && rel != "cmd/ebbnode" {
				continue // cmd/ebbnode-native is the image
			}
			if rel == "kernel/boottest" {
				continue // the host-side harness that boots kernel guests
			}
			n++
			for _, d := range p.Deps {
				for _, f := range r.forbidden {
					if strings.HasPrefix(d, f) {
						t.Errorf("%s depends on %s (layer rule: %s must not reach %s)", rel, d, r.pkgs, f)
					}
				}
			}
		}
	}
	if n < 20 {
		t.Fatalf("checked only %d packages: the listing is wrong", n)
	}
}
