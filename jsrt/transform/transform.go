// Package transform is ebbnode's module pipeline on esbuild: it turns ES
// modules, TypeScript and CommonJS that uses syntax goja lacks into the
// CommonJS text jsrt's loader compiles, with an inline source map so that
// errors point at the original file, line and column.
//
// `ebbnode exec` transforms as the loader reads each file; `ebbnode build`
// stores the transformed text in the bundle, so the native image never
// links esbuild (nothing under jsrt imports this package; the CLI hands
// File to jsrt.Options.Transform and bundle.CollectWith).
//
// Output layout (the loader's contract, see bundle.MarkESM):
//
//	//ebbnode:esm                 marker line (MarkCJS for CommonJS/TS)
//	...esbuild's CommonJS output...
//	//# sourceMappingURL=data:application/json;base64,...
//
// The marker shares line 1 with the loader's function wrapper, so the
// source map's mappings start on line 2. esbuild's import helpers __toESM
// and __toCommonJS are redirected to the loader's (__ebbnode), which give
// node's interop: a CommonJS module's default import is module.exports,
// an ES module's is its default export.
package transform

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// gojaLacks is the syntax esbuild lowers for goja; everything else is
// kept as written (lowering costs speed).
var gojaLacks = map[string]bool{
	"async-generator":     false,
	"for-await":           false,
	"dynamic-import":      false,
	"import-meta":         false,
	"using":               false,
	"decorators":          false,
	"regexp-set-notation": false,
}

// MetaName is the identifier import.meta becomes; the loader passes it
// to ES modules.
const MetaName = "__ebbnode_meta"

type result struct {
	out []byte
	err error
}

var (
	mu    sync.Mutex
	cache = map[[32]byte]result{}
)

// File transforms one module source (a bundle.Transformer). Results are
// cached by file name, kind and content for the life of the process.
func File(filename string, src []byte, k bundle.Kind) ([]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%v\x00", filename, k)
	h.Write(src)
	var key [32]byte
	copy(key[:], h.Sum(nil))
	mu.Lock()
	r, ok := cache[key]
	mu.Unlock()
	if ok {
		return r.out, r.err
	}
	out, err := transform(filename, src, k)
	mu.Lock()
	cache[key] = result{out, err}
	mu.Unlock()
	return out, err
}

func transform(filename string, src []byte, k bundle.Kind) ([]byte, error) {
	opts := api.TransformOptions{
		Sourcefile:     filename,
		Loader:         api.LoaderJS,
		Format:         api.FormatCommonJS,
		Target:         api.ESNext,
		Supported:      gojaLacks,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentInclude,
		Platform:       api.PlatformNode,
		Charset:        api.CharsetUTF8,
		LogLevel:       api.LogLevelSilent,
	}
	if k.TS {
		opts.Loader = api.LoaderTS
	}
	if k.Lower {
		opts.Format = api.FormatDefault // keep the module format
	}
	if k.ESM {
		opts.Define = map[string]string{"import.meta": MetaName}
	}
	res := api.Transform(bundle.SourceText(src), opts)
	code, srcMap := string(res.Code), res.Map
	if len(res.Errors) > 0 {
		if !k.ESM || !strings.HasPrefix(res.Errors[0].Text, "Top-level await") {
			return nil, sourceError(filename, res.Errors[0])
		}
		var err error
		if code, srcMap, err = transformTLA(filename, src, k); err != nil {
			return nil, err
		}
	}
	code, err := redirectHelpers(code, k.ESM)
	if err != nil {
		return nil, fmt.Errorf("transform %s: %w", filename, err)
	}
	m, err := shiftMap(srcMap, path.Base(filename))
	if err != nil {
		return nil, fmt.Errorf("transform %s: source map: %w", filename, err)
	}
	mark := bundle.MarkCJS
	if k.ESM {
		mark = bundle.MarkESM
	}
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	out := mark + code + "//# sourceMappingURL=data:application/json;base64," +
		base64.StdEncoding.EncodeToString(m) + "\n"
	return []byte(out), nil
}

// sourceError is esbuild's first error at its original position.
func sourceError(filename string, m api.Message) error {
	se := &bundle.SourceError{Pos: bundle.Pos{File: filename}, Msg: m.Text}
	if l := m.Location; l != nil {
		se.Line = l.Line
		se.Column = utf16Col(l.LineText, l.Column) + 1
	}
	return se
}

// utf16Col converts esbuild's column (UTF-16 units) to bytes.
func utf16Col(line string, units int) int {
	n := 0
	for i, r := range line {
		if n >= units {
			return i
		}
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return len(line)
}

// Helper definitions as esbuild v0.28 prints them; redirectHelpers fails
// loudly if a new esbuild prints them differently.
const (
	toESMDef       = "var __toESM = (mod, isNodeMode, target) =>"
	toCommonJSDef  = "var __toCommonJS = (mod) =>"
	asyncGenDef    = "var __asyncGenerator = "
	dynImportESM   = "Promise.resolve().then(() => __toESM(require("
	dynImport      = "Promise.resolve().then(() => require("
	toESMCall      = "__toESM("
	toCommonJSCall = "__toCommonJS("
)

// redirectHelpers points esbuild's interop helpers at the loader's.
// Only the helper's own line changes, which maps to no source.
func redirectHelpers(code string, nodeMode bool) (string, error) {
	if strings.HasPrefix(code, "#!") {
		code = "//" + code[2:]
	}
	mode := "0"
	if nodeMode {
		mode = "1"
	}
	if strings.Contains(code, toESMCall) {
		if !strings.Contains(code, toESMDef) {
			return "", errors.New("esbuild's __toESM helper has an unexpected shape")
		}
		code = strings.Replace(code, toESMDef,
			"var __toESM = __ebbnode.toESM("+mode+"), __toESMUnused = (mod, isNodeMode, target) =>", 1)
	}
	if strings.Contains(code, toCommonJSCall) {
		if !strings.Contains(code, toCommonJSDef) {
			return "", errors.New("esbuild's __toCommonJS helper has an unexpected shape")
		}
		code = strings.Replace(code, toCommonJSDef,
			"var __toCommonJS = __ebbnode.toCommonJS, __toCommonJSUnused = (mod) =>", 1)
	}
	// import() as esbuild lowers it calls require; the loader's __dynim
	// (same length, so columns stay put) resolves with "import"
	// conditions and gives node's namespace.
	code = strings.ReplaceAll(code, dynImportESM, dynImportESM[:len(dynImportESM)-8]+"__dynim(")
	code = strings.ReplaceAll(code, dynImport, dynImport[:len(dynImport)-8]+"__dynim(")
	if strings.Contains(code, asyncGenDef) {
		// A hoisted wrapper, so calls before the end see it; appended
		// after the last mapped line.
		code = strings.Replace(code, asyncGenDef, "var __asyncGeneratorRaw = ", 1)
		if !strings.HasSuffix(code, "\n") {
			code += "\n"
		}
		code += "function __asyncGenerator(a, b, c) { return __ebbnode.asyncGen(__asyncGeneratorRaw(a, b, c)); }\n"
	}
	return code, nil
}

// shiftMap moves the source map one line down (the marker line), makes its
// columns 1-based as goja reads them (oneBased), and names
// the source by its base name, which goja resolves against the module's
// own file name.
func shiftMap(raw []byte, base string) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	mappings, _ := m["mappings"].(string)
	mappings, err := oneBased(mappings)
	if err != nil {
		return nil, err
	}
	m["mappings"] = ";" + mappings
	m["sources"] = []string{base}
	return json.Marshal(m)
}
