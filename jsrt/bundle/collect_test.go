package bundle

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// appFiles are the files the app fixture bundles, relative to testdata
// (the root, since shared/helper.js sits beside app/).
var appFiles = []string{
	"app/app.js",
	"app/data.json",
	"app/lib/dir/index.js",
	"app/lib/tmpl.js",
	"app/lib/util.js",
	"app/node_modules/dep/index.js",
	"app/node_modules/pkg/main/entry.js",
	"app/node_modules/pkg/node_modules/dep/index.js",
	"app/node_modules/pkg/package.json",
	"shared/helper.js",
}

func paths(b *Bundle) []string {
	var out []string
	for _, f := range b.Files {
		out = append(out, f.Path)
	}
	return out
}

func warnings(b *Bundle) []string {
	var out []string
	for _, w := range b.Warnings {
		out = append(out, w.String())
	}
	return out
}

func mustCollect(t testing.TB, entry string, includes ...string) *Bundle {
	t.Helper()
	b, err := Collect(entry, includes)
	if err != nil {
		t.Fatalf("Collect(%q, %q): %v", entry, includes, err)
	}
	return b
}

func TestCollectApp(t *testing.T) {
	b := mustCollect(t, "testdata/app/app.js")
	root, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if b.Root != root {
		t.Errorf("Root = %q, want %q", b.Root, root)
	}
	if b.Entry != "app/app.js" {
		t.Errorf("Entry = %q, want app/app.js", b.Entry)
	}
	if got := paths(b); !reflect.DeepEqual(got, appFiles) {
		t.Errorf("files:\n got %q\nwant %q", got, appFiles)
	}
	wantWarn := []string{
		"testdata/app/app.js:14: optional module 'optional-missing' not found (required inside try); not bundled",
		"testdata/app/app.js:17: dynamic require() cannot be followed; bundle what it loads with --include",
	}
	if got := warnings(b); !reflect.DeepEqual(got, wantWarn) {
		t.Errorf("warnings:\n got %q\nwant %q", got, wantWarn)
	}
	if want := []string{"fs", "path"}; !reflect.DeepEqual(b.CoreModules, want) {
		t.Errorf("CoreModules = %q, want %q", b.CoreModules, want)
	}
	// Contents and modes are the files' own.
	for _, f := range b.Files {
		disk := filepath.Join("testdata", filepath.FromSlash(f.Path))
		data, err := os.ReadFile(disk)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(disk)
		if err != nil {
			t.Fatal(err)
		}
		if string(f.Data) != string(data) || f.Mode != fi.Mode().Perm() {
			t.Errorf("%s: bundled %d bytes mode %v, disk %d bytes mode %v", f.Path, len(f.Data), f.Mode, len(data), fi.Mode().Perm())
		}
	}
}

func TestCollectEntryDirectory(t *testing.T) {
	// `ebbnode build dir` runs dir/index.js, as node does.
	b := mustCollect(t, "testdata/app/lib/dir")
	if b.Entry != "index.js" || !reflect.DeepEqual(paths(b), []string{"index.js"}) {
		t.Errorf("entry %q files %q, want index.js alone", b.Entry, paths(b))
	}
}

func TestCollectInclude(t *testing.T) {
	b := mustCollect(t, "testdata/app/app.js", "testdata/app/assets", "testdata/app/plugins/greet.js")
	want := append([]string(nil), appFiles...)
	want = append(want,
		"app/assets/greeting.txt",
		"app/assets/sub/more.txt",
		// greet.js requires its JSON; following it needs no --include.
		"app/plugins/greet-words.json",
		"app/plugins/greet.js",
	)
	got := paths(b)
	wantSorted := sortedCopy(want)
	if !reflect.DeepEqual(got, wantSorted) {
		t.Errorf("files:\n got %q\nwant %q", got, wantSorted)
	}
}

func TestCollectIncludeLenient(t *testing.T) {
	// Problems in included files are warnings: the user picked them.
	b := mustCollect(t, "testdata/app/app.js", "testdata/syntax", "testdata/missing/app.js")
	got := strings.Join(warnings(b), "\n")
	for _, want := range []string{
		"testdata/syntax/bad.js:2:21: SyntaxError: Unexpected token ;",
		"testdata/missing/app.js:3: cannot find module './nope' (in an included file); not bundled",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if b.Root == "" || !contains(paths(b), "syntax/bad.js") {
		t.Errorf("included file with a syntax error not bundled: %q", paths(b))
	}
}

func TestCollectErrors(t *testing.T) {
	tests := []struct {
		entry    string
		includes []string
		want     string
	}{
		{"testdata/missing/app.js", nil, "testdata/missing/app.js:3: cannot find module './nope'"},
		{"testdata/missing/chain.js", nil, "testdata/missing/nested.js:1: cannot find module './missing-dep.js'"},
		{"testdata/syntax/app.js", nil, "testdata/syntax/bad.js:2:21: SyntaxError: Unexpected token ;"},
		{"testdata/no-such-app.js", nil, "cannot find module 'testdata/no-such-app.js'"},
		{"testdata/app/app.js", []string{"testdata/no-such-dir"}, "--include testdata/no-such-dir: stat "},
	}
	for _, tt := range tests {
		b, err := Collect(tt.entry, tt.includes)
		if err == nil {
			t.Errorf("Collect(%q): no error, bundle of %q", tt.entry, paths(b))
			continue
		}
		if got := err.Error(); got != tt.want && !(strings.HasSuffix(tt.want, " ") && strings.HasPrefix(got, tt.want)) {
			t.Errorf("Collect(%q) error:\n got %q\nwant %q", tt.entry, got, tt.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("Collect(%q) error is not one line: %q", tt.entry, err)
		}
	}
}

func TestCollectSyntaxErrorFirstLine(t *testing.T) {
	// On line 1 the loader's wrapper shifts columns; they must be the
	// file's own.
	dir := t.TempDir()
	entry := filepath.Join(dir, "app.js")
	if err := os.WriteFile(entry, []byte("let x = ;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Collect(entry, nil)
	want := entry + ":1:9: SyntaxError: Unexpected token ;"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestCollectNativeAddon(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "app.js", "\n\nrequire('./addon.node');\n")
	write(t, dir, "addon.node", "\x7fELF")
	_, err := Collect(filepath.Join(dir, "app.js"), nil)
	want := filepath.Join(dir, "app.js") + ":3: './addon.node' is a native addon (" + filepath.Join(dir, "addon.node") + "), which ebbnode cannot load"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestCollectBadJSON(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "app.js", "require('./conf');\n")
	write(t, dir, "conf.json", "{\n  \"a\": 1,\n}\n")
	_, err := Collect(filepath.Join(dir, "app.js"), nil)
	want := filepath.Join(dir, "conf.json") + ":3:1: invalid JSON: invalid character '}' looking for beginning of object key string"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestCollectIncludeSymlinks(t *testing.T) {
	// A linked package (npm link) is followed; a link loop is walked once.
	dir := t.TempDir()
	write(t, dir, "app/app.js", "")
	write(t, dir, "pkgsrc/index.js", "require('./util');\n")
	write(t, dir, "pkgsrc/util.js", "")
	if err := os.Symlink("../pkgsrc", filepath.Join(dir, "app", "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "pkgsrc", "loop")); err != nil {
		t.Fatal(err)
	}
	b := mustCollect(t, filepath.Join(dir, "app", "app.js"), filepath.Join(dir, "app", "linked"))
	want := []string{"app.js", "linked/index.js", "linked/util.js"}
	if got := paths(b); !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}

func TestCollectReservedPath(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "app.js", "require('./.ebbnode/x');\n")
	write(t, dir, ".ebbnode/x.js", "")
	_, err := Collect(filepath.Join(dir, "app.js"), nil)
	if err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("error %v, want the reserved .ebbnode path refused", err)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
