package jsrt

import (
	"path"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// Module resolution is bundle.Resolver, shared with `ebbnode build`'s
// Collect so the bundle holds exactly what this loader will load; here it
// runs on the runtime's file system.

// cleanPath is path.Clean for the slash-separated absolute paths the loader
// and the FS use.
func cleanPath(p string) string { return path.Clean(p) }

// isRelative reports whether a require() request names a file rather than
// a package: './x', '../x', '/x', '.' or '..'.
func isRelative(req string) bool { return bundle.IsRelative(req) }

// resolveFS adapts the runtime's FS to the resolver.
type resolveFS struct{ fs FS }

func (r resolveFS) IsFile(name string) bool {
	fi, err := r.fs.Stat(name)
	return err == nil && !fi.IsDir()
}

func (r resolveFS) IsDir(name string) bool {
	fi, err := r.fs.Stat(name)
	return err == nil && fi.IsDir()
}

func (r resolveFS) ReadFile(name string) ([]byte, error) { return r.fs.ReadFile(name) }

func newResolver(fsys FS) *bundle.Resolver { return &bundle.Resolver{FS: resolveFS{fsys}} }

// nodeModulePaths lists the node_modules folders searched from dir, nearest
// first, as node's Module._nodeModulePaths.
func nodeModulePaths(dir string) []string { return bundle.NodeModulePaths(dir) }
