package transform

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// TestHelpersRedirected: esbuild's interop helpers must reach the loader's
// (node's default-import rules); a new esbuild printing them differently
// fails here instead of silently changing semantics.
func TestHelpersRedirected(t *testing.T) {
	src := "import d from './c.cjs';\nexport const x = import('./y.mjs');\nexport default d;\n"
	out, err := File("/a/m.mjs", []byte(src), bundle.Kind{ESM: true})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{bundle.MarkESM, "__ebbnode.toESM(1)", "__ebbnode.toCommonJS", "__dynim(\"./y.mjs\")",
		"//# sourceMappingURL=data:application/json;base64,"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasPrefix(s, bundle.MarkESM) {
		t.Errorf("output does not start with the marker")
	}
}

// TestOneBased: the first generated column of each line and the first
// source column move by one; deltas stay.
func TestOneBased(t *testing.T) {
	got, err := oneBased("AAAA,EAAE;AACA;;IAAI")
	if err != nil {
		t.Fatal(err)
	}
	// AAAA=[0,0,0,0] -> [1,0,0,1]=CAAC; EAAE unchanged; next lines' first
	// generated columns +1: AACA=[0,0,1,0] -> [1,0,1,0]=CACA; IAAI=[4,0,0,4] -> [5,0,0,4]=KAAI.
	if want := "CAAC,EAAE;CACA;;KAAI"; got != want {
		t.Errorf("oneBased = %q, want %q", got, want)
	}
}

// TestCached: the same input is transformed once per process.
func TestCached(t *testing.T) {
	src := []byte("export const cached = 1;\n")
	a, err1 := File("/c/x.mjs", src, bundle.Kind{ESM: true})
	b, err2 := File("/c/x.mjs", src, bundle.Kind{ESM: true})
	if err1 != nil || err2 != nil || &a[0] != &b[0] {
		t.Errorf("second call did not come from the cache (%v, %v)", err1, err2)
	}
	c, _ := File("/c/x.mjs", []byte("export const cached = 2;\n"), bundle.Kind{ESM: true})
	if &c[0] == &a[0] {
		t.Errorf("different content served from the cache")
	}
}

// TestSyntaxError: esbuild's error at the original line and column.
func TestSyntaxError(t *testing.T) {
	_, err := File("/e/bad.ts", []byte("const a: number = 1;\nconst b = ;\n"), bundle.Kind{TS: true})
	var se *bundle.SourceError
	if !errors.As(err, &se) || se.Line != 2 || se.Column != 11 {
		t.Fatalf("err = %v, want a SourceError at 2:11", err)
	}
}

// TestTopLevelAwait: a module that awaits at its top level becomes an
// async body handed to the loader, its imports hoisted out and its
// exports returned as getters.
func TestTopLevelAwait(t *testing.T) {
	src := "import { a } from './a.mjs';\nconst v = await a;\nexport { v as w };\nexport default 3;\n"
	out, err := File("/t/tla.mjs", []byte(src), bundle.Kind{ESM: true})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"require(\"./a.mjs\")", TLAName + "((async () => {", "get w() {", "get default() {"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

// TestCollectLowered: a CommonJS file goja cannot parse is bundled
// lowered, and warnings about it name its original lines.
func TestCollectLowered(t *testing.T) {
	dir := t.TempDir()
	src := "async function* g() { yield 1; }\n(async () => { for await (const x of g()) console.log(x); })();\nrequire(process.env.X);\n"
	if err := os.WriteFile(filepath.Join(dir, "main.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := bundle.CollectWith(filepath.Join(dir, "main.js"), nil, File)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Files) != 1 || !strings.HasPrefix(string(b.Files[0].Data), bundle.MarkCJS) {
		t.Fatalf("bundle files %v: want main.js stored lowered", b.Files)
	}
	if len(b.Warnings) != 1 || b.Warnings[0].Line != 3 {
		t.Errorf("warnings %v: want one, for line 3", b.Warnings)
	}
}
