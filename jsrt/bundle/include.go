package bundle

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// include adds a file or a directory tree named on the command line.
// Symbolic links are followed (a linked package in node_modules is common);
// a directory reached twice through links is walked once.
func (c *collector) include(p string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return fmt.Errorf("--include %s: %w", p, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return fmt.Errorf("--include %s: %w", p, err)
	}
	switch {
	case fi.IsDir():
		return c.includeDir(abs, map[string]bool{})
	case fi.Mode().IsRegular():
		return c.includeFile(abs)
	}
	return fmt.Errorf("--include %s: not a regular file or directory", p)
}

func (c *collector) includeFile(abs string) error {
	if strings.HasSuffix(abs, ".js") {
		return c.add(abs, true)
	}
	return c.readFile(abs)
}

// includeDir walks dir; seen holds the real paths of directories walked.
func (c *collector) includeDir(dir string, seen map[string]bool) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("--include %s: %w", c.display(dir), err)
	}
	if seen[real] {
		return nil
	}
	seen[real] = true
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("--include %s: %w", c.display(dir), err)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		fi, err := os.Stat(p) // follows links
		switch {
		case err != nil:
			c.warn(Pos{File: c.display(p)}, "skipped: %v", err)
		case fi.IsDir():
			if err := c.includeDir(p, seen); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			if err := c.includeFile(p); err != nil {
				return err
			}
		default:
			c.warn(Pos{File: c.display(p)}, "skipped: not a regular file")
		}
	}
	return nil
}
