package compat

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the real corpus both harnesses run.
const corpusDir = "../testdata/compat"

func TestCompatHeaderParsing(t *testing.T) {
	src := "// A description: with a colon.\n" +
		"// args: a \"b c\" 'd e' f\n" +
		"// env: K=v EMPTY= EQ=a=b\n" +
		"// stderr: compare\n" +
		"// exit: 3\n" +
		"// cpus: 2\n" +
		"console.log(1);\n" +
		"// args: ignored because the header has ended\n"
	s, err := ParseHeader("x.js", src)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "x" || s.File != "x.js" {
		t.Errorf("name, file = %q, %q, want \"x\", \"x.js\"", s.Name, s.File)
	}
	if got, want := strings.Join(s.Args, "|"), "a|b c|d e|f"; got != want {
		t.Errorf("args = %q, want %q", got, want)
	}
	if got, want := strings.Join(s.Env, "|"), "K=v|EMPTY=|EQ=a=b"; got != want {
		t.Errorf("env = %q, want %q", got, want)
	}
	if !s.CompareStderr || s.WantExit != 3 || s.CPUs != 2 {
		t.Errorf("compareStderr=%v wantExit=%d cpus=%d, want true 3 2", s.CompareStderr, s.WantExit, s.CPUs)
	}
	for _, bad := range []string{
		"// env: NOEQUALS\n",
		"// env: =value\n",
		"// args: \"unterminated\n",
		"// stderr: sometimes\n",
		"// exit: three\n",
		"// cpus: 0\n",
		"// cpus: many\n",
	} {
		if _, err := ParseHeader("bad.js", bad); err == nil {
			t.Errorf("header %q: expected an error", bad)
		}
	}
}

func TestCompatHeaderDefaults(t *testing.T) {
	s, err := ParseHeader("plain.js", "console.log(1);\n// exit: 3\n")
	if err != nil {
		t.Fatal(err)
	}
	if s.WantExit != -1 || s.CompareStderr || s.Args != nil || s.Env != nil || s.CPUs != 0 {
		t.Errorf("no header parsed as %+v, want no options and WantExit -1", s)
	}
}

func TestCompatSplitQuoted(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"  a\tb  ":          "a|b",
		`"" x`:              "|x",
		`a"b c"d`:           "ab cd",
		`'it"s' "it's"`:     `it"s|it's`,
		`one "two  spaces"`: "one|two  spaces",
	} {
		got, err := SplitQuoted(in)
		if err != nil {
			t.Errorf("SplitQuoted(%q): %v", in, err)
			continue
		}
		if strings.Join(got, "|") != want || (want == "" && len(got) != 0) {
			t.Errorf("SplitQuoted(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := SplitQuoted(`a 'b`); err == nil {
		t.Error("SplitQuoted with an unterminated quote: expected an error")
	}
}

func TestCompatCompare(t *testing.T) {
	want := Result{Stdout: []byte("one\ntwo\nthree\n"), Stderr: []byte("warn A\n"), ExitCode: 0}
	s := Script{Name: "x", WantExit: -1}
	if d := Compare(s, want, want, "ebbnode"); d != nil {
		t.Errorf("identical runs differ: %q", d)
	}
	// Stderr differs only matters when the header asks.
	other := want
	other.Stderr = []byte("warn B\n")
	if d := Compare(s, want, other, "ebbnode"); d != nil {
		t.Errorf("stderr compared without the header asking: %q", d)
	}
	s.CompareStderr = true
	d := Compare(s, want, other, "native")
	if len(d) != 1 || !strings.Contains(d[0], "stderr differs") || !strings.Contains(d[0], `native:  "warn B\n"`) {
		t.Errorf("stderr diff = %q", d)
	}

	got := Result{Stdout: []byte("one\nTWO\nthree\n"), ExitCode: 2}
	d = Compare(Script{}, want, got, "ebbnode")
	if len(d) != 2 {
		t.Fatalf("got %d diffs, want stdout and exit code: %q", len(d), d)
	}
	for _, part := range []string{"first difference at line 2", `node:    "two\n"`, `ebbnode: "TWO\n"`} {
		if !strings.Contains(d[0], part) {
			t.Errorf("stdout diff lacks %q:\n%s", part, d[0])
		}
	}
	if !strings.Contains(d[1], "exit code: node 0, ebbnode 2") {
		t.Errorf("exit diff = %q", d[1])
	}

	short := Result{Stdout: []byte("one\n")}
	d = Compare(Script{}, want, short, "ebbnode")
	if len(d) != 1 || !strings.Contains(d[0], "ebbnode: (end of output)") {
		t.Errorf("short output diff = %q", d)
	}
}

func TestCompatClip(t *testing.T) {
	if got := Clip([]byte("small")); got != "small" {
		t.Errorf("Clip(small) = %q", got)
	}
	got := Clip([]byte(strings.Repeat("x", clipMax+10)))
	if !strings.HasSuffix(got, "... (10 more bytes)") || len(got) > clipMax+30 {
		t.Errorf("Clip of a long output = ...%q", got[len(got)-40:])
	}
}

func TestCompatRunEnvironment(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatalf("sh not on PATH: %v", err)
	}
	dir, tmp := t.TempDir(), t.TempDir()
	script := `echo "$COMPAT_TMP|$HOME|$TZ|$EXTRA|$1|$2|$PWD"; echo oops >&2; exit 7`
	s := Script{Args: []string{"a b", "c"}, Env: []string{"EXTRA=x"}}
	res, err := Run(context.Background(), s, dir, tmp, sh, []string{"-c", script, "sh"})
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := filepath.EvalSymlinks(dir)
	if got, want := string(res.Stdout), tmp+"|"+tmp+"|UTC|x|a b|c|"+wd+"\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if string(res.Stderr) != "oops\n" || res.ExitCode != 7 {
		t.Errorf("stderr %q exit %d, want \"oops\\n\" 7", res.Stderr, res.ExitCode)
	}
	if _, err := Run(context.Background(), s, dir, tmp, filepath.Join(dir, "missing"), nil); err == nil {
		t.Error("Run of a missing binary: expected an error")
	}
}

func TestCompatLoadCorpus(t *testing.T) {
	scripts, err := Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for i, s := range scripts {
		if i > 0 && scripts[i-1].Name >= s.Name {
			t.Errorf("Load is not sorted: %q before %q", scripts[i-1].Name, s.Name)
		}
		names[s.Name] = true
	}
	for name := range KnownEngineGaps {
		if !names[name] {
			t.Errorf("KnownEngineGaps names %q, which is not a script in %s", name, corpusDir)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("Load of a missing folder: expected an error")
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "b.js"), []byte("// exit: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "b.js") {
		t.Errorf("Load of a bad header: err = %v, want one naming b.js", err)
	}
}

func TestCompatLoadChecksManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.js", "console.log(1);\n")
	write("b.js", "console.log(2);\n")
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), ManifestFile) {
		t.Errorf("Load without a manifest: err = %v, want one naming %s", err, ManifestFile)
	}
	write(ManifestFile, "# comment\na.js\n\nc.js\n")
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), `listed but not found ["c.js"]`) ||
		!strings.Contains(err.Error(), `found but not listed ["b.js"]`) {
		t.Errorf("Load with a stale manifest: err = %v, want c.js missing and b.js unlisted", err)
	}
	write(ManifestFile, "a.js\nb.js\n")
	if scripts, err := Load(dir); err != nil || len(scripts) != 2 {
		t.Errorf("Load with a matching manifest: %d scripts, err %v; want 2, nil", len(scripts), err)
	}
}
