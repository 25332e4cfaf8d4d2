package bundle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// This file is node's require.resolve on the host's file system, with the
// same steps in the same order as jsrt's loader (jsrt/resolve.go): the
// bundle must hold exactly the file the loader will pick at run time, plus
// every package.json the loader reads on the way.

// resolver resolves requests on the host file system and remembers the
// package.json files it read, which the loader will read again.
type resolver struct {
	pkgJSON map[string]bool // absolute paths of package.json files consulted
}

func isRelative(req string) bool {
	return req == "." || req == ".." || strings.HasPrefix(req, "./") ||
		strings.HasPrefix(req, "../") || strings.HasPrefix(req, "/")
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// resolve resolves a non-core request made from a module in parentDir (an
// absolute, clean directory) to an absolute file name.
func (r *resolver) resolve(parentDir, req string) (string, bool) {
	if isRelative(req) {
		x := req
		if !filepath.IsAbs(req) {
			x = parentDir + "/" + req
		}
		trailing := strings.HasSuffix(req, "/") || req == "." || req == ".." ||
			strings.HasSuffix(req, "/.") || strings.HasSuffix(req, "/..")
		x = filepath.Clean(x)
		if trailing {
			return r.resolveDir(x)
		}
		return r.resolveFile(x)
	}
	for _, nm := range nodeModulePaths(parentDir) {
		if !isDir(nm) {
			continue
		}
		if f, ok := r.resolveFile(filepath.Clean(nm + "/" + req)); ok {
			return f, true
		}
	}
	return "", false
}

// resolveFile is node's LOAD_AS_FILE, then LOAD_AS_DIRECTORY.
func (r *resolver) resolveFile(x string) (string, bool) {
	for _, cand := range []string{x, x + ".js", x + ".json"} {
		if isFile(cand) {
			return cand, true
		}
	}
	return r.resolveDir(x)
}

// resolveDir is LOAD_AS_DIRECTORY: package.json "main", then index.js and
// index.json.
func (r *resolver) resolveDir(dir string) (string, bool) {
	pj := filepath.Join(dir, "package.json")
	if data, err := os.ReadFile(pj); err == nil {
		r.pkgJSON[pj] = true
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(data, &pkg) == nil && pkg.Main != "" {
			m := filepath.Clean(dir + "/" + pkg.Main)
			for _, cand := range []string{m, m + ".js", m + ".json", m + "/index.js", m + "/index.json"} {
				if isFile(cand) {
					return cand, true
				}
			}
		}
	}
	for _, cand := range []string{dir + "/index.js", dir + "/index.json"} {
		if isFile(cand) {
			return cand, true
		}
	}
	return "", false
}

// nodeModulePaths lists the node_modules folders searched from dir,
// nearest first, as node's Module._nodeModulePaths.
func nodeModulePaths(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}
