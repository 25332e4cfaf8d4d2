package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// This file is node's PACKAGE_EXPORTS_RESOLVE and PACKAGE_IMPORTS_RESOLVE
// over a package.json's "exports" and "imports" fields, pure (no file
// access), shared by jsrt's loader and Collect so both pick the same file.

// Conditions node matches in "exports"/"imports" for require() and for
// import (node 20.20, which can require() ES modules, adds "module-sync").
var (
	RequireConditions = []string{"node", "require", "module-sync", "default"}
	ImportConditions  = []string{"node", "import", "module-sync", "default"}
)

// jsonObject is a JSON object that keeps its key order: condition order
// decides which target wins.
type jsonObject struct {
	keys []string
	vals map[string]any
}

// decodeOrdered decodes JSON keeping object key order (objects become
// *jsonObject).
func decodeOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			var arr []any
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		obj := &jsonObject{vals: map[string]any{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			if _, dup := obj.vals[k]; !dup {
				obj.keys = append(obj.keys, k)
			}
			obj.vals[k] = v
		}
		_, err := dec.Token()
		return obj, err
	}
	return tok, nil
}

// PackageJSON is what module resolution reads from a package.json.
type PackageJSON struct {
	Name, Main, Type string
	Exports, Imports any // ordered JSON; nil when absent
}

// ParsePackageJSON reads the fields resolution uses. A file that is not
// valid JSON reads as empty, as node's CommonJS loader ignores it.
func ParsePackageJSON(data []byte) PackageJSON {
	v, err := decodeOrdered(data)
	obj, ok := v.(*jsonObject)
	if err != nil || !ok {
		return PackageJSON{}
	}
	str := func(k string) string { s, _ := obj.vals[k].(string); return s }
	return PackageJSON{Name: str("name"), Main: str("main"), Type: str("type"),
		Exports: obj.vals["exports"], Imports: obj.vals["imports"]}
}

// ExportsError is a request a package's "exports" or "imports" does not
// allow, with node's code and message.
type ExportsError struct {
	Code, Msg string
}

func (e *ExportsError) Error() string { return e.Msg }

// ResolveExports maps subpath ("." or "./x") through a package's
// "exports" to a path relative to the package directory ("./lib/x.js").
func ResolveExports(exports any, subpath string, conds []string, pjPath string) (string, error) {
	obj, isObj := exports.(*jsonObject)
	if !isObj || len(obj.keys) == 0 || !strings.HasPrefix(obj.keys[0], ".") {
		// Sugar: the whole value is the "." target.
		exports = &jsonObject{keys: []string{"."}, vals: map[string]any{".": exports}}
	}
	if t, ok := matchKeys(exports.(*jsonObject), subpath, conds, false); ok && t != "" {
		return t, nil
	}
	what := "subpath '" + subpath + "'"
	if subpath == "." {
		what = "main entry point"
		return "", &ExportsError{"ERR_PACKAGE_PATH_NOT_EXPORTED",
			fmt.Sprintf("No \"exports\" %s is defined in %s", what, pjPath)}
	}
	return "", &ExportsError{"ERR_PACKAGE_PATH_NOT_EXPORTED",
		fmt.Sprintf("Package subpath '%s' is not defined by \"exports\" in %s", subpath, pjPath)}
}

// ResolveImports maps a "#name" request through "imports": a path relative
// to the package directory ("./x.js") or a bare package request.
func ResolveImports(imports any, req string, conds []string, pjPath, from string) (string, error) {
	if obj, ok := imports.(*jsonObject); ok {
		if t, ok := matchKeys(obj, req, conds, true); ok && t != "" {
			return t, nil
		}
	}
	return "", &ExportsError{"ERR_PACKAGE_IMPORT_NOT_DEFINED",
		fmt.Sprintf("Package import specifier \"%s\" is not defined in package %s imported from %s", req, pjPath, from)}
}

// matchKeys is PACKAGE_IMPORTS_EXPORTS_RESOLVE: an exact key, else the
// pattern key ("./x/*") with the longest prefix.
func matchKeys(m *jsonObject, key string, conds []string, imports bool) (string, bool) {
	if t, ok := m.vals[key]; ok && !strings.Contains(key, "*") {
		return resolveTarget(t, "", conds, imports)
	}
	var best string
	for _, k := range m.keys {
		i := strings.IndexByte(k, '*')
		if i < 0 || strings.Count(k, "*") != 1 {
			continue
		}
		prefix, suffix := k[:i], k[i+1:]
		if strings.HasPrefix(key, prefix) && key != prefix && strings.HasSuffix(key, suffix) &&
			len(key) >= len(k) && patternLess(best, k) {
			best = k
		}
	}
	if best == "" {
		return "", false
	}
	i := strings.IndexByte(best, '*')
	match := key[i : len(key)-(len(best)-i-1)]
	return resolveTarget(m.vals[best], match, conds, imports)
}

// patternLess is node's PATTERN_KEY_COMPARE: is b a better (more
// specific) pattern than a?
func patternLess(a, b string) bool {
	if a == "" {
		return true
	}
	ai, bi := strings.IndexByte(a, '*')+1, strings.IndexByte(b, '*')+1
	if ai != bi {
		return bi > ai
	}
	return len(b) > len(a)
}

// resolveTarget is PACKAGE_TARGET_RESOLVE. ok=false means "keep looking"
// (no matching condition); a null target resolves to "" (excluded).
func resolveTarget(t any, match string, conds []string, imports bool) (string, bool) {
	switch t := t.(type) {
	case string:
		if !strings.HasPrefix(t, "./") {
			if imports && !strings.HasPrefix(t, "../") && !strings.HasPrefix(t, "/") {
				return strings.ReplaceAll(t, "*", match), true // a package
			}
			return "", false
		}
		return strings.ReplaceAll(t, "*", match), true
	case []any:
		for _, e := range t {
			if r, ok := resolveTarget(e, match, conds, imports); ok {
				return r, true
			}
		}
		return "", false
	case *jsonObject:
		for _, k := range t.keys {
			if k == "default" || containsStr(conds, k) {
				if r, ok := resolveTarget(t.vals[k], match, conds, imports); ok {
					return r, true
				}
			}
		}
		return "", false
	case nil:
		return "", true
	}
	return "", false
}

func containsStr(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
