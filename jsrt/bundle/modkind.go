package bundle

import (
	"encoding/base64"
	"path"
	"strings"

	"github.com/go-sourcemap/sourcemap"
)

// Module sources that need esbuild (ES modules, TypeScript, syntax goja
// lacks) are transformed to CommonJS before jsrt's loader compiles them:
// `ebbnode exec` transforms as it loads, `ebbnode build` stores the
// transformed text in the bundle, so the image never links esbuild. The
// transformed text starts with one of these marker lines, which tell the
// loader to compile it as it is, with its inline source map.
const (
	// MarkESM starts a transformed ES module (strict, with import.meta).
	MarkESM = "//ebbnode:esm\n"
	// MarkCJS starts a transformed CommonJS module or TypeScript file.
	MarkCJS = "//ebbnode:cjs\n"
)

// Transformed reports whether src is a transformed module, and whether it
// was an ES module.
func Transformed(src string) (transformed, esm bool) {
	switch {
	case strings.HasPrefix(src, MarkESM):
		return true, true
	case strings.HasPrefix(src, MarkCJS):
		return true, false
	}
	return false, false
}

// Kind says how a module source must be transformed.
type Kind struct {
	ESM bool // an ES module: .mjs/.mts, or .js/.ts in a "type": "module" package
	TS  bool // TypeScript: .ts, .mts, .cts
	// Lower is set for a CommonJS .js file that goja cannot parse: only
	// syntax goja lacks is lowered, the module format is kept.
	Lower bool
}

// NeedsTransform reports whether a source of this kind always goes through
// esbuild (plain CommonJS is compiled by goja directly).
func (k Kind) NeedsTransform() bool { return k.ESM || k.TS || k.Lower }

// KindOf classifies a module file by its extension and the "type" field
// of the nearest package.json (pkgType).
func KindOf(filename, pkgType string) Kind {
	switch path.Ext(filename) {
	case ".mjs":
		return Kind{ESM: true}
	case ".mts":
		return Kind{ESM: true, TS: true}
	case ".cts":
		return Kind{TS: true}
	case ".ts":
		return Kind{TS: true, ESM: pkgType == "module"}
	case ".js":
		return Kind{ESM: pkgType == "module"}
	}
	return Kind{}
}

// Transformer turns a module source into the CommonJS text the loader
// compiles (starting with MarkESM or MarkCJS). A syntax error is a
// *SourceError at the original line and column. jsrt/transform provides
// one, on esbuild.
type Transformer func(filename string, src []byte, k Kind) ([]byte, error)

// lineMapper maps generated line numbers of transformed text back to the
// original file through its inline source map (identity for other text).
func lineMapper(text string) func(int) int {
	const prefix = "//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(text, prefix)
	if t, _ := Transformed(text); !t || i < 0 {
		return func(l int) int { return l }
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text[i+len(prefix):]))
	if err != nil {
		return func(l int) int { return l }
	}
	sm, err := sourcemap.Parse("", data)
	if err != nil {
		return func(l int) int { return l }
	}
	return func(l int) int {
		// The line's last mapping: a column past its end finds it.
		if _, _, line, _, ok := sm.Source(l, 1<<30); ok {
			return line
		}
		return l
	}
}

// Fallbacks are the transforms to try, in order, for a CommonJS file goja
// cannot parse: esbuild's lowering of syntax goja lacks, then, for a .js
// file whose package.json has no "type" (node 20.20 detects module
// syntax there), compiling it as an ES module.
func Fallbacks(filename, pkgType string) []Kind {
	ks := []Kind{{Lower: true}}
	if path.Ext(filename) == ".js" && pkgType == "" {
		ks = append(ks, Kind{ESM: true})
	}
	return ks
}
