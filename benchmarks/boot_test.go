package benchmarks

import (
	"bytes"
	"strings"
	"testing"
)

// TestBootTable checks the boot suite's medians and stage order: host
// stages first, then the guest's by when they end.
func TestBootTable(t *testing.T) {
	r := &BootResult{
		Script: "examples/hello.js", Reps: 3, LoadAvg: []string{"0.1", "0.2"},
		Binaries: map[string]string{"new": "a", "baseline": "b"},
		FirstOut: map[string][]float64{"new": {300, 100, 200}, "baseline": {500, 400, 450}},
		Total:    map[string][]float64{"new": {1, 2, 3}, "baseline": {4, 5, 6}},
		Stages: map[string]map[string][]float64{"new": {
			"jsrt set up":            {90, 80, 70},
			"pvh-entry":              {5, 6, 7},
			"host: run to QEMU exec": {30, 20, 10},
		}},
	}
	var b bytes.Buffer
	if err := WriteBootTable(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !regexpLine(out, "run to first output (host)", "450", "200") {
		t.Errorf("first-output medians wrong:\n%s", out)
	}
	iHost, iPVH, iJS := strings.Index(out, "host: run to QEMU exec"), strings.Index(out, "pvh-entry"), strings.Index(out, "jsrt set up")
	if iHost < 0 || !(iHost < iPVH && iPVH < iJS) {
		t.Errorf("stages out of order:\n%s", out)
	}
	m := stageRe.FindAllStringSubmatch("ebbnode: boot: jsrt set up at 754321 us (+ 313283 us)\n", -1)
	if len(m) != 1 || m[0][1] != "jsrt set up" || m[0][2] != "754321" {
		t.Errorf("stage line parsed as %q", m)
	}
}

// regexpLine reports whether out has a line starting with label whose
// fields end with want.
func regexpLine(out, label string, want ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, label) {
			continue
		}
		f := strings.Fields(l)
		return strings.Join(f[len(f)-len(want):], " ") == strings.Join(want, " ")
	}
	return false
}
