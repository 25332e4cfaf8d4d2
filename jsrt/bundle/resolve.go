package bundle

import (
	"errors"
	"os"
	"path"
	"strings"
)

// This file is node's require.resolve, shared by jsrt's loader (on the
// runtime's file system) and Collect (on the host's), so that the bundle
// holds exactly the file the loader will pick at run time, plus every
// package.json the loader reads on the way.

// ResolveFS is the file access resolution needs. Paths are absolute and
// slash-separated.
type ResolveFS interface {
	IsFile(name string) bool
	IsDir(name string) bool
	ReadFile(name string) ([]byte, error)
}

// ErrNotFound is returned by Resolve when no file matches (node's
// MODULE_NOT_FOUND).
var ErrNotFound = errors.New("module not found")

// Resolver resolves module requests.
type Resolver struct {
	FS ResolveFS
	// PkgJSON, when not nil, records the package.json files consulted.
	PkgJSON map[string]bool
	pkgs    map[string]*PackageJSON // path -> parsed file, nil if absent
}

// IsRelative reports whether a request names a file rather than a
// package: './x', '../x', '/x', '.' or '..'.
func IsRelative(req string) bool {
	return req == "." || req == ".." || strings.HasPrefix(req, "./") ||
		strings.HasPrefix(req, "../") || strings.HasPrefix(req, "/")
}

// packageJSON reads and caches dir/package.json.
func (r *Resolver) packageJSON(dir string) *PackageJSON {
	pj := path.Join(dir, "package.json")
	if p, ok := r.pkgs[pj]; ok {
		return p
	}
	if r.pkgs == nil {
		r.pkgs = map[string]*PackageJSON{}
	}
	data, err := r.FS.ReadFile(pj)
	if err != nil {
		r.pkgs[pj] = nil
		return nil
	}
	if r.PkgJSON != nil {
		r.PkgJSON[pj] = true
	}
	p := ParsePackageJSON(data)
	r.pkgs[pj] = &p
	return &p
}

// scope finds the nearest package.json at or above dir (node's
// PACKAGE_SCOPE, which stops at a node_modules folder).
func (r *Resolver) scope(dir string) (string, *PackageJSON) {
	for {
		if p := r.packageJSON(dir); p != nil {
			return dir, p
		}
		if dir == "/" || path.Base(dir) == "node_modules" {
			return "", nil
		}
		dir = path.Dir(dir)
	}
}

// PackageType is the "type" of the package holding file ("module" or
// "commonjs"/"").
func (r *Resolver) PackageType(file string) string {
	if _, p := r.scope(path.Dir(file)); p != nil {
		return p.Type
	}
	return ""
}

// Resolve resolves a non-core request made from a module in parentDir (an
// absolute, clean directory) to an absolute file name. conds are the
// "exports" conditions (RequireConditions or ImportConditions). The error
// is ErrNotFound or an *ExportsError.
func (r *Resolver) Resolve(parentDir, req string, conds []string) (string, error) {
	if IsRelative(req) {
		x := req
		if !strings.HasPrefix(req, "/") {
			x = parentDir + "/" + req
		}
		trailing := strings.HasSuffix(req, "/") || req == "." || req == ".." ||
			strings.HasSuffix(req, "/.") || strings.HasSuffix(req, "/..")
		x = path.Clean(x)
		if trailing {
			return found(r.ResolveDir(x))
		}
		return found(r.ResolveFile(x))
	}
	if strings.HasPrefix(req, "#") {
		return r.resolveImports(parentDir, req, conds)
	}
	for _, nm := range NodeModulePaths(parentDir) {
		if !r.FS.IsDir(nm) {
			continue
		}
		f, err := r.resolvePackage(nm, req, conds)
		if err != ErrNotFound {
			return f, err
		}
	}
	return "", ErrNotFound
}

func found(f string, ok bool) (string, error) {
	if !ok {
		return "", ErrNotFound
	}
	return f, nil
}

// resolvePackage is LOAD_PACKAGE_EXPORTS, then LOAD_AS_FILE and
// LOAD_AS_DIRECTORY, in one node_modules folder.
func (r *Resolver) resolvePackage(nm, req string, conds []string) (string, error) {
	name, sub := splitPackage(req)
	pkgDir := nm + "/" + name
	if p := r.packageJSON(pkgDir); p != nil && p.Exports != nil {
		t, err := ResolveExports(p.Exports, "."+sub, conds, pkgDir+"/package.json")
		if err != nil {
			return "", err
		}
		f := path.Clean(pkgDir + "/" + t)
		if !r.FS.IsFile(f) {
			return "", ErrNotFound
		}
		return f, nil
	}
	return found(r.ResolveFile(path.Clean(nm + "/" + req)))
}

// resolveImports is PACKAGE_IMPORTS_RESOLVE for a "#name" request.
func (r *Resolver) resolveImports(parentDir, req string, conds []string) (string, error) {
	dir, p := r.scope(parentDir)
	if p == nil || p.Imports == nil {
		return "", &ExportsError{"ERR_PACKAGE_IMPORT_NOT_DEFINED",
			"Package import specifier \"" + req + "\" is not defined imported from " + parentDir}
	}
	t, err := ResolveImports(p.Imports, req, conds, dir+"/package.json", parentDir)
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(t, "./") {
		f := path.Clean(dir + "/" + t)
		if !r.FS.IsFile(f) {
			return "", ErrNotFound
		}
		return f, nil
	}
	return r.Resolve(dir, t, conds)
}

// splitPackage splits "name/sub/path" (or "@scope/name/sub") into the
// package name and "/sub/path".
func splitPackage(req string) (name, sub string) {
	n := 1
	if strings.HasPrefix(req, "@") {
		n = 2
	}
	parts := strings.SplitN(req, "/", n+1)
	if len(parts) <= n {
		return req, ""
	}
	return strings.Join(parts[:n], "/"), "/" + parts[n]
}

// fileExts are the extensions tried after the exact name: node's, then
// TypeScript's (which node would not find; ebbnode runs .ts directly).
var fileExts = []string{".js", ".json", ".ts", ".mts", ".cts"}

// ResolveFile is node's LOAD_AS_FILE, then LOAD_AS_DIRECTORY. A request
// for x.js that names a TypeScript file x.ts finds it (TypeScript's
// import convention).
func (r *Resolver) ResolveFile(x string) (string, bool) {
	if !strings.HasSuffix(x, "/") {
		if r.FS.IsFile(x) {
			return x, true
		}
		for _, e := range fileExts {
			if r.FS.IsFile(x + e) {
				return x + e, true
			}
		}
		for js, ts := range map[string]string{".js": ".ts", ".mjs": ".mts", ".cjs": ".cts"} {
			if strings.HasSuffix(x, js) && r.FS.IsFile(strings.TrimSuffix(x, js)+ts) {
				return strings.TrimSuffix(x, js) + ts, true
			}
		}
	}
	return r.ResolveDir(strings.TrimSuffix(x, "/"))
}

// ResolveDir is LOAD_AS_DIRECTORY: package.json "main", then index.js and
// index.json.
func (r *Resolver) ResolveDir(dir string) (string, bool) {
	if p := r.packageJSON(dir); p != nil && p.Main != "" {
		m := path.Clean(dir + "/" + p.Main)
		for _, cand := range []string{m, m + ".js", m + ".json", m + "/index.js", m + "/index.json"} {
			if r.FS.IsFile(cand) {
				return cand, true
			}
		}
	}
	for _, cand := range []string{dir + "/index.js", dir + "/index.json", dir + "/index.ts"} {
		if r.FS.IsFile(cand) {
			return cand, true
		}
	}
	return "", false
}

// NodeModulePaths lists the node_modules folders searched from dir,
// nearest first, as node's Module._nodeModulePaths.
func NodeModulePaths(dir string) []string {
	var out []string
	for {
		if path.Base(dir) != "node_modules" {
			if dir == "/" {
				out = append(out, "/node_modules")
			} else {
				out = append(out, dir+"/node_modules")
			}
		}
		if dir == "/" {
			return out
		}
		dir = path.Dir(dir)
	}
}

// HostFS is the host's file system for a Resolver.
type HostFS struct{}

func (HostFS) IsFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

func (HostFS) IsDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

func (HostFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }
