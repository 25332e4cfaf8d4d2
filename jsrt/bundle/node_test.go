package bundle

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestCollectMatchesNode checks the analysis against node itself: the
// modules stock node loads running the app fixture (require.cache) must be
// exactly the JavaScript and JSON files Collect bundles. With PLUGIN set
// the app loads a plugin dynamically, which --include brings in.
func TestCollectMatchesNode(t *testing.T) {
	tests := []struct {
		plugin   string
		includes []string
	}{
		{"", nil},
		{"greet", []string{"testdata/app/plugins/greet.js"}},
	}
	for _, tt := range tests {
		b := mustCollect(t, "testdata/app/app.js", tt.includes...)
		var bundled []string
		for _, f := range b.Files {
			if strings.HasSuffix(f.Path, ".js") || (strings.HasSuffix(f.Path, ".json") && !strings.HasSuffix(f.Path, "package.json")) {
				bundled = append(bundled, filepath.Join(b.Root, filepath.FromSlash(f.Path)))
			}
		}
		sort.Strings(bundled)
		loaded := nodeLoads(t, "testdata/app/app.js", tt.plugin)
		if !reflect.DeepEqual(bundled, loaded) {
			t.Errorf("PLUGIN=%q:\nbundled %q\n node loads %q", tt.plugin, bundled, loaded)
		}
	}
}

// nodeLoads runs script under node and returns the sorted require.cache
// keys it prints.
func nodeLoads(t *testing.T, script, plugin string) []string {
	t.Helper()
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", abs)
	cmd.Env = append(os.Environ(), "BUNDLE_TEST_CACHE=1", "PLUGIN="+plugin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v (is node installed? .ci/run installs it)", script, err)
	}
	var keys []string
	if err := json.Unmarshal(out, &keys); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	sort.Strings(keys)
	return keys
}
