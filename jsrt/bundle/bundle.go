package bundle

import (
	"fmt"
	"io/fs"
)

// FormatVersion is the bundle format this package writes and reads.
const FormatVersion = 1

// Bundle is an app: its files and which of them is the entry script.
type Bundle struct {
	// Root is the absolute host directory every File.Path is relative to:
	// the deepest directory holding all bundled files. The native loader
	// can mount the bundle there so that __filename and error messages
	// name the same paths as `ebbnode exec` on the host.
	Root string
	// Entry is the entry script's path relative to Root.
	Entry string
	// Files are the bundled files sorted by Path.
	Files []File

	// Warnings are what Collect could not see or resolve without failing
	// (dynamic requires, optional modules); `ebbnode build` prints them.
	// They are not stored in the archive.
	Warnings []Warning
	// CoreModules are the core modules the bundled code requires (bare
	// names, sorted), so a build can check them against what jsrt
	// implements. They are not stored in the archive.
	CoreModules []string
}

// File is one bundled file.
type File struct {
	// Path is slash-separated, relative to Bundle.Root, and valid for
	// fs.ValidPath.
	Path string
	// Mode holds permission bits only.
	Mode fs.FileMode
	Data []byte
}

// Pos is a place in a source file. File is the path as shown to the user
// (relative to the working directory when that is shorter).
type Pos struct {
	File         string
	Line, Column int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Warning is something Collect noticed but did not fail on.
type Warning struct {
	Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": " + w.Msg }

// SourceError is a failure tied to a place in a source file: a syntax
// error or a module that cannot be found. Its text is one line,
// "file:line[:column]: message".
type SourceError struct {
	Pos
	Msg string
}

func (e *SourceError) Error() string { return e.Pos.String() + ": " + e.Msg }
