package bundle

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestResolveMatchesNode builds small apps for node's resolution corner
// cases and checks that Collect bundles exactly the modules node loads.
func TestResolveMatchesNode(t *testing.T) {
	const printCache = "\nif (process.env.BUNDLE_TEST_CACHE) console.log(JSON.stringify(Object.keys(require.cache)));\n"
	tests := []struct {
		name  string
		files map[string]string // "app/main.js" is the entry
	}{
		{"dot and dot-dot", map[string]string{
			"app/main.js":          "require('./sub/x');" + printCache,
			"app/sub/x.js":         "require('.'); require('..');",
			"app/sub/index.js":     "",
			"app/index.js":         "",
			"app/sub/ignored.json": "{}",
		}},
		{"trailing slash means directory", map[string]string{
			"app/main.js":       "require('./lib/');" + printCache,
			"app/lib.js":        "",
			"app/lib/index.js":  "",
			"app/lib/other.js":  "",
			"app/lib/more.json": "{}",
		}},
		{"file before directory", map[string]string{
			"app/main.js":      "require('./lib');" + printCache,
			"app/lib.js":       "",
			"app/lib/index.js": "",
		}},
		{"json without extension", map[string]string{
			"app/main.js":   "require('./conf');" + printCache,
			"app/conf.json": `{"a": 1}`,
		}},
		{"main is a directory", map[string]string{
			"app/main.js":                           "require('p');" + printCache,
			"app/node_modules/p/package.json":       `{"main": "lib"}`,
			"app/node_modules/p/lib/index.js":       "",
			"app/node_modules/p/index.js":           "",
			"app/node_modules/p/lib/other/index.js": "",
		}},
		{"main missing falls back to index", map[string]string{
			"app/main.js":                     "require('p');" + printCache,
			"app/node_modules/p/package.json": `{"main": "gone.js"}`,
			"app/node_modules/p/index.js":     "",
		}},
		{"scoped package and subpath", map[string]string{
			"app/main.js":                      "require('@s/p'); require('q/lib/x');" + printCache,
			"app/node_modules/@s/p/index.js":   "require('q');",
			"app/node_modules/q/index.js":      "",
			"app/node_modules/q/lib/x.js":      "",
			"app/node_modules/q/lib/unused.js": "",
		}},
		{"node_modules in a parent folder", map[string]string{
			"app/main.js":            "require('./deep/er/x');" + printCache,
			"app/deep/er/x.js":       "require('up');",
			"app/node_modules/up.js": "",
		}},
		{"package requires itself through its own node_modules", map[string]string{
			"app/main.js":                                "require('a');" + printCache,
			"app/node_modules/a/index.js":                "require('b');",
			"app/node_modules/a/node_modules/b/index.js": "require('c');",
			"app/node_modules/c/index.js":                "",
		}},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for name, content := range tt.files {
			write(t, dir, name, content)
		}
		entry := filepath.Join(dir, "app", "main.js")
		b, err := Collect(entry, nil)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, "package.json") {
				got = append(got, filepath.Join(b.Root, filepath.FromSlash(f.Path)))
			}
		}
		sort.Strings(got)
		want := nodeLoads(t, entry, "")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nbundled %q\n node loads %q", tt.name, got, want)
		}
	}
}
