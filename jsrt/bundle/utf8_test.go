package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourceText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"caf\xc3\xa9 \xef\xbf\xbd", "café \uFFFD"},      // valid, a real U+FFFD kept
		{"a\xffb", "a\uFFFDb"},                           // a byte that starts nothing
		{"\xff\xfe", "\uFFFD\uFFFD"},                     // one U+FFFD per bad byte
		{"c\xe2\x82\"", "c\uFFFD\""},                     // a cut-short sequence is one
		{"\xf0\x9f\x98", "\uFFFD"},                       // ... also at the end
		{"\xe0\x80x", "\uFFFD\uFFFDx"},                   // overlong: the lead alone
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},           // a surrogate is not UTF-8
		{"\xc3(", "\uFFFD("},                             // lead, then no continuation
		{"\xf4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"}, // past U+10FFFF
	} {
		if got := SourceText([]byte(tt.in)); got != tt.want {
			t.Errorf("SourceText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A script that is not valid UTF-8 bundles (node runs it) with its bytes
// kept as they are, and its requires are still found.
func TestCollectInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	main := []byte("const s = '\xff\xe2\x82';\nrequire('./dep');\n// \xfe\n")
	if err := os.WriteFile(filepath.Join(dir, "main.js"), main, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dep.js"), []byte("module.exports = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := mustCollect(t, filepath.Join(dir, "main.js"))
	if got := strings.Join(paths(b), " "); got != "dep.js main.js" {
		t.Fatalf("bundled %q, want dep.js and main.js", got)
	}
	if !bytes.Equal(b.Files[1].Data, main) {
		t.Errorf("main.js bundled as %q, want its bytes unchanged %q", b.Files[1].Data, main)
	}
}
