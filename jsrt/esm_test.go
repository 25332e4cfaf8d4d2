package jsrt

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
	"github.com/ebbnode/ebbnode/jsrt/transform"
)

// runFiles writes files into a temp dir and runs entry there.
func runFiles(t *testing.T, files map[string]string, entry string, tf bundle.Transformer) (result, string) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	code, err := Run(Options{Script: filepath.Join(dir, entry), Cwd: dir, Stdout: &out, Stderr: &errb, Transform: tf})
	if err != nil {
		t.Fatalf("Run(%s): %v", entry, err)
	}
	return result{out.String(), errb.String(), code}, dir
}

const tsApp = `interface P { name: string; age?: number }
enum Color { Red, Green = 5 }
import { helper } from './util.js';
const p: P = { name: 'ts' };
function show<T>(x: T): string { return String(x) }
console.log(show(p.name), Color.Green, Color[5], helper(2));
const bad = (n: number): never => { throw new RangeError('bad ' + n) };
bad(3);
`

// TestTypeScript runs a .ts file importing another (by TypeScript's .js
// convention): types stripped, enums work, and the uncaught error's
// header, caret and stack point at the original TypeScript line and
// column, not at esbuild's output.
func TestTypeScript(t *testing.T) {
	r, dir := runFiles(t, map[string]string{
		"app.ts":  tsApp,
		"util.ts": "export const helper = (n: number): number => n * 21;\n",
	}, "app.ts", transform.File)
	if r.stdout != "ts 5 Green 42\n" || r.code != 1 {
		t.Fatalf("stdout %q exit %d, want %q exit 1; stderr:\n%s", r.stdout, r.code, "ts 5 Green 42\n", r.stderr)
	}
	app := filepath.Join(dir, "app.ts")
	want := app + ":7\n" +
		"const bad = (n: number): never => { throw new RangeError('bad ' + n) };\n" +
		"                                    ^\n\n" +
		"RangeError: bad 3\n" +
		"    at bad (" + app + ":7:43)\n" +
		"    at " + app + ":8:1\n"
	if !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to start:\n%s", r.stderr, want)
	}
}

// TestPretransformed loads what `ebbnode build` stores (transformed text)
// with no transformer, as the image does: it runs, and an error still
// shows the original source line (from the source map's copy).
func TestPretransformed(t *testing.T) {
	src := "import { sep } from 'node:path';\nconst n: number = 1;\nconsole.log(typeof sep, n);\nthrow new Error('from ts');\n"
	out, err := transform.File("/x/app.mts", []byte(src), bundle.Kind{ESM: true, TS: true})
	if err != nil {
		t.Fatal(err)
	}
	r, dir := runFiles(t, map[string]string{"app.mts": string(out)}, "app.mts", nil)
	if r.stdout != "string 1\n" || r.code != 1 {
		t.Fatalf("stdout %q exit %d; stderr:\n%s", r.stdout, r.code, r.stderr)
	}
	want := "file://" + filepath.Join(dir, "app.mts") + ":4\nthrow new Error('from ts');\n      ^\n"
	if !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to start:\n%s", r.stderr, want)
	}
}

// TestTransformOnlyWhenNeeded counts transformer calls: plain CommonJS
// never reaches esbuild; an ES module, TypeScript and a script using
// for await (which goja cannot parse) do.
func TestTransformOnlyWhenNeeded(t *testing.T) {
	var kinds []bundle.Kind
	count := func(f string, src []byte, k bundle.Kind) ([]byte, error) {
		kinds = append(kinds, k)
		return transform.File(f, src, k)
	}
	r, _ := runFiles(t, map[string]string{
		"main.js":   "require('./plain.cjs'); require('./plain2.js');\n",
		"plain.cjs": "console.log('plain', 1);\n", "plain2.js": "console.log('plain', 2);\n",
	}, "main.js", count)
	if r.stdout != "plain 1\nplain 2\n" || len(kinds) != 0 {
		t.Fatalf("plain CommonJS: stdout %q, %d transforms (want none); stderr %s", r.stdout, len(kinds), r.stderr)
	}
	r, _ = runFiles(t, map[string]string{
		"main.js": "require('./m.mjs'); require('./t.ts');\n(async () => { for await (const x of [1]) console.log('for await', x); })();\n",
		"m.mjs":   "console.log('esm');\n", "t.ts": "const n: number = 2; console.log('ts', n);\n",
	}, "main.js", count)
	want := []bundle.Kind{{Lower: true}, {ESM: true}, {TS: true}}
	if r.stdout != "esm\nts 2\nfor await 1\n" || !slices.Equal(kinds, want) {
		t.Fatalf("stdout %q, transforms %v (want main.js lowered, m.mjs, t.ts); stderr %s", r.stdout, kinds, r.stderr)
	}
}

// TestNoTransformer: without a transformer (a native image) an untransformed
// ES module is a clear error naming the file, not a crash.
func TestNoTransformer(t *testing.T) {
	r, _ := runFiles(t, map[string]string{"m.mjs": "export const a = 1;\n"}, "m.mjs", nil)
	if r.code != 1 || !strings.Contains(r.stderr, "m.mjs: ES modules and TypeScript need") ||
		!strings.Contains(r.stderr, "code: 'ERR_EBBNODE_NOT_TRANSFORMED'") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestModuleSyntaxError: a syntax error in an ES module is reported as
// node does: the file's URL, the original line and caret, V8's wording.
func TestModuleSyntaxError(t *testing.T) {
	r, dir := runFiles(t, map[string]string{"bad.mjs": "const a = 1;\nconst b = ;\n"}, "bad.mjs", transform.File)
	want := "file://" + filepath.Join(dir, "bad.mjs") + ":2\nconst b = ;\n          ^\n\nSyntaxError: Unexpected token ';'\n"
	if r.code != 1 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start:\n%s", r.code, r.stderr, want)
	}
}
