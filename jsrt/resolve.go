package jsrt

import (
	"encoding/json"
	"path"
	"strings"
)

// cleanPath is path.Clean for the slash-separated absolute paths the loader
// and the FS use.
func cleanPath(p string) string { return path.Clean(p) }

// isRelative reports whether a require() request names a file rather than
// a package: './x', '../x', '/x', '.' or '..'.
func isRelative(req string) bool {
	return req == "." || req == ".." || strings.HasPrefix(req, "./") ||
		strings.HasPrefix(req, "../") || strings.HasPrefix(req, "/")
}

// isFile reports whether name is a regular file (following links).
func isFile(fsys FS, name string) bool {
	fi, err := fsys.Stat(name)
	return err == nil && !fi.IsDir()
}

func isDir(fsys FS, name string) bool {
	fi, err := fsys.Stat(name)
	return err == nil && fi.IsDir()
}

// resolveFile is node's LOAD_AS_FILE then LOAD_AS_DIRECTORY for an absolute
// path x.
func resolveFile(fsys FS, x string) (string, bool) {
	if !strings.HasSuffix(x, "/") {
		for _, cand := range []string{x, x + ".js", x + ".json"} {
			if isFile(fsys, cand) {
				return cand, true
			}
		}
	}
	return resolveDir(fsys, strings.TrimSuffix(x, "/"))
}

// resolveDir is LOAD_AS_DIRECTORY: package.json "main", then index.js and
// index.json.
func resolveDir(fsys FS, dir string) (string, bool) {
	if data, err := fsys.ReadFile(dir + "/package.json"); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(data, &pkg) == nil && pkg.Main != "" {
			m := cleanPath(dir + "/" + pkg.Main)
			for _, cand := range []string{m, m + ".js", m + ".json", m + "/index.js", m + "/index.json"} {
				if isFile(fsys, cand) {
					return cand, true
				}
			}
		}
	}
	for _, cand := range []string{dir + "/index.js", dir + "/index.json"} {
		if isFile(fsys, cand) {
			return cand, true
		}
	}
	return "", false
}

// nodeModulePaths lists the node_modules folders searched from dir, nearest
// first, as node's Module._nodeModulePaths.
func nodeModulePaths(dir string) []string {
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

// resolveRequest resolves a non-core request made from a module in
// parentDir to a file name.
func resolveRequest(fsys FS, parentDir, req string) (string, bool) {
	if isRelative(req) {
		x := req
		if !strings.HasPrefix(req, "/") {
			x = parentDir + "/" + req
		}
		trailing := strings.HasSuffix(req, "/") || req == "." || req == ".." ||
			strings.HasSuffix(req, "/.") || strings.HasSuffix(req, "/..")
		x = cleanPath(x)
		if trailing {
			return resolveDir(fsys, x)
		}
		return resolveFile(fsys, x)
	}
	for _, nm := range nodeModulePaths(parentDir) {
		if !isDir(fsys, nm) {
			continue
		}
		if f, ok := resolveFile(fsys, cleanPath(nm+"/"+req)); ok {
			return f, true
		}
	}
	return "", false
}
