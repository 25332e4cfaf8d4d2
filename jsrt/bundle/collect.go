package bundle

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Collect builds the bundle of the script entry: entry itself, every local
// file and node_modules package it requires, transitively, and every file
// under the includes (files or directory trees, for what a script loads in
// ways analysis cannot see: fs reads, require(variable)).
//
// Only literal requires are followed: require('x'), require("x"),
// require(`x`) and require.resolve of the same. Core modules, with or
// without "node:", are recorded in CoreModules and not resolved. A dynamic
// require becomes a Warning. A literal require that cannot be resolved is
// a *SourceError ("app.js:12: cannot find module 'x'") unless it sits in a
// try block, which is how node code loads optional dependencies: then it is
// a Warning. A syntax error in a bundled file is a *SourceError with line
// and column.
//
// JavaScript files under includes are analysed too, so a package loaded
// dynamically brings its own requires; since the user chose those files
// wholesale, problems found in them are warnings, not errors.
//
// Paths are shown relative to the working directory when under it.
func Collect(entry string, includes []string) (*Bundle, error) {
	return CollectWith(entry, includes, nil)
}

// CollectWith is Collect with a Transformer for ES modules, TypeScript and
// syntax goja lacks: such files are bundled transformed (the image loads
// them without esbuild), and their imports are followed as requires,
// resolved with node's "import" conditions. With tf nil such files are an
// error.
func CollectWith(entry string, includes []string, tf Transformer) (*Bundle, error) {
	c, err := newCollector()
	if err != nil {
		return nil, err
	}
	c.tf = tf
	absEntry, err := filepath.Abs(entry)
	if err != nil {
		return nil, fmt.Errorf("entry %s: %w", entry, err)
	}
	main, ok := c.res.ResolveFile(absEntry)
	if !ok {
		return nil, fmt.Errorf("cannot find module '%s'", entry)
	}
	if err := c.add(main, false); err != nil {
		return nil, err
	}
	for _, inc := range includes {
		if err := c.include(inc); err != nil {
			return nil, err
		}
	}
	return c.bundle(main)
}

// collector is the state of one Collect.
type collector struct {
	cwd      string
	res      *Resolver
	tf       Transformer
	files    map[string]fs.FileMode // absolute path -> permission bits
	data     map[string][]byte
	core     map[string]bool
	warnings []Warning
}

func newCollector() (*collector, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("working directory: %w", err)
	}
	return &collector{
		cwd:   cwd,
		res:   &Resolver{FS: HostFS{}, PkgJSON: map[string]bool{}},
		files: map[string]fs.FileMode{},
		data:  map[string][]byte{},
		core:  map[string]bool{},
	}, nil
}

// display is how a file is named in messages.
func (c *collector) display(abs string) string {
	if rel, err := filepath.Rel(c.cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}

func (c *collector) warn(pos Pos, format string, args ...any) {
	c.warnings = append(c.warnings, Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// add bundles the file at abs and, for a module, everything it requires.
// lenient turns problems into warnings (for --include).
func (c *collector) add(abs string, lenient bool) error {
	pending := []string{abs}
	for len(pending) > 0 {
		f := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		if _, done := c.files[f]; done {
			continue
		}
		more, err := c.addOne(f, lenient)
		if err != nil {
			return err
		}
		// Reverse, so files are analysed in the order they are required.
		for i := len(more) - 1; i >= 0; i-- {
			pending = append(pending, more[i])
		}
	}
	// Package.json files the resolver read are read again by the loader
	// at run time and must resolve the same way.
	for pj := range c.res.PkgJSON {
		if err := c.readFile(pj); err != nil {
			return err
		}
	}
	return nil
}

// addOne reads one file and returns the files its requires resolve to.
func (c *collector) addOne(abs string, lenient bool) ([]string, error) {
	if err := c.readFile(abs); err != nil {
		return nil, err
	}
	src := c.data[abs]
	name := c.display(abs)
	switch filepath.Ext(abs) {
	case ".json":
		// The loader parses JSON on require; fail now rather than there.
		if err := checkJSON(name, src); err != nil {
			if !lenient {
				return nil, err
			}
			c.warnings = append(c.warnings, Warning(*err))
		}
		return nil, nil
	case ".node":
		return nil, nil // reported where it is required
	}
	var reqs []request
	text, esm, err := c.transform(abs, name, src, nil)
	if err == nil {
		reqs, err = scanRequires(name, text)
		if _, t := Transformed(text); !t && c.tf != nil && (err != nil || !compiles(text)) {
			// Maybe syntax goja lacks (its parser takes async generators,
			// its compiler refuses them), or module syntax in a .js
			// file: try esbuild, as the loader does, and keep goja's
			// error if that fails too.
			for _, k := range Fallbacks(abs, c.res.PackageType(abs)) {
				if alt, altESM, terr := c.transform(abs, name, src, &k); terr == nil {
					if areqs, serr := scanRequires(name, alt); serr == nil {
						reqs, err, text, esm = areqs, nil, alt, altESM
						break
					}
				}
				c.data[abs] = src // keep the source and goja's error
			}
		}
	}
	if err != nil {
		var se *SourceError
		if lenient && errors.As(err, &se) {
			c.warnings = append(c.warnings, Warning(*se))
			return nil, nil
		}
		return nil, err
	}
	var out []string
	origLine := lineMapper(text)
	for _, r := range reqs {
		pos := Pos{File: name, Line: origLine(r.line)}
		if r.name == "" {
			c.warn(pos, "dynamic require() cannot be followed; bundle what it loads with --include")
			continue
		}
		if core, ok := coreName(r.name); ok {
			c.core[core] = true
			continue
		}
		conds := RequireConditions
		if esm || r.dynamicImport {
			conds = ImportConditions
		}
		target, rerr := c.res.Resolve(filepath.Dir(abs), r.name, conds)
		ok := rerr == nil
		var xerr *ExportsError
		if errors.As(rerr, &xerr) && !r.optional && !lenient {
			return nil, &SourceError{Pos: pos, Msg: fmt.Sprintf("cannot resolve '%s': %s", r.name, xerr.Msg)}
		}
		switch {
		case !ok && r.optional:
			c.warn(pos, "optional module '%s' not found (required inside try); not bundled", r.name)
		case !ok && lenient:
			c.warn(pos, "cannot find module '%s' (in an included file); not bundled", r.name)
		case !ok:
			return nil, &SourceError{Pos: pos, Msg: fmt.Sprintf("cannot find module '%s'", r.name)}
		case filepath.Ext(target) == ".node":
			msg := fmt.Sprintf("'%s' is a native addon (%s), which ebbnode cannot load", r.name, c.display(target))
			if !r.optional && !lenient {
				return nil, &SourceError{Pos: pos, Msg: msg}
			}
			c.warn(pos, "%s (not bundled)", msg)
		default:
			out = append(out, target)
		}
	}
	return out, nil
}

// readFile adds a regular file's contents and permission bits.
func (c *collector) readFile(abs string) error {
	if _, ok := c.files[abs]; ok {
		return nil
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return fmt.Errorf("bundle %s: %w", c.display(abs), err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("bundle %s: not a regular file", c.display(abs))
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("bundle %s: %w", c.display(abs), err)
	}
	c.files[abs] = fi.Mode().Perm()
	c.data[abs] = data
	return nil
}

// bundle assembles the Bundle: the root is the deepest directory holding
// every file.
func (c *collector) bundle(main string) (*Bundle, error) {
	root := filepath.Dir(main)
	for f := range c.files {
		for !within(root, f) {
			root = filepath.Dir(root)
		}
	}
	b := &Bundle{Root: root, Warnings: c.warnings}
	for f, mode := range c.files {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			return nil, fmt.Errorf("bundle %s: %w", c.display(f), err)
		}
		rel = filepath.ToSlash(rel)
		if err := checkPath(rel); err != nil {
			return nil, fmt.Errorf("bundle %s: %w", c.display(f), err)
		}
		b.Files = append(b.Files, File{Path: rel, Mode: mode, Data: c.data[f]})
	}
	sort.Slice(b.Files, func(i, j int) bool { return b.Files[i].Path < b.Files[j].Path })
	entry, err := filepath.Rel(root, main)
	if err != nil {
		return nil, fmt.Errorf("entry %s: %w", c.display(main), err)
	}
	b.Entry = filepath.ToSlash(entry)
	for name := range c.core {
		b.CoreModules = append(b.CoreModules, name)
	}
	sort.Strings(b.CoreModules)
	if err := b.validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// within reports whether file f is under directory dir.
func within(dir, f string) bool {
	if dir == string(filepath.Separator) {
		return true
	}
	return strings.HasPrefix(f, dir+string(filepath.Separator))
}

// checkJSON reports a JSON syntax error with its line and column.
func checkJSON(name string, src []byte) *SourceError {
	text := strings.TrimPrefix(string(src), "\uFEFF")
	var v any
	err := json.Unmarshal([]byte(text), &v)
	if err == nil {
		return nil
	}
	pos := Pos{File: name}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset is just past the offending byte.
		before := text[:min(max(int(se.Offset)-1, 0), len(text))]
		pos.Line = strings.Count(before, "\n") + 1
		pos.Column = len(before) - strings.LastIndex(before, "\n")
	}
	return &SourceError{Pos: pos, Msg: "invalid JSON: " + err.Error()}
}

// transform returns the text to bundle for a module file: the source
// itself when it needs no esbuild, else what c.tf makes of it (then stored
// in place of the source). kind, when set, overrides the file's own kind
// (the Fallbacks of a file goja cannot parse). esm reports an ES module.
func (c *collector) transform(abs, name string, src []byte, kind *Kind) (text string, esm bool, err error) {
	text = SourceText(src)
	if t, isESM := Transformed(text); t {
		return text, isESM, nil
	}
	k := KindOf(abs, c.res.PackageType(abs))
	if kind != nil {
		k = *kind
	}
	if !k.NeedsTransform() {
		return text, false, nil
	}
	if c.tf == nil {
		return "", false, fmt.Errorf("bundle %s: ES modules and TypeScript need a transformer", name)
	}
	out, err := c.tf(abs, src, k)
	if err != nil {
		var se *SourceError
		if errors.As(err, &se) {
			se.File = name
		}
		return "", false, err
	}
	c.data[abs] = out
	return string(out), k.ESM, nil
}
