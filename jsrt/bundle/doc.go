// Package bundle is the app bundle of `ebbnode build`: the entry script and
// every file it needs at run time, found by static analysis, stored in one
// checksummed archive that the native image reads its modules from.
//
// Three parts:
//
//   - Collect (collect.go, requires.go, resolve.go, include.go, core.go)
//     parses the entry script with goja's parser, finds require('literal')
//     calls, resolves them with node's rules and recurses. require(expr)
//     cannot be seen statically: it becomes a Warning that points the user
//     at --include. CollectWith takes a Transformer (jsrt/transform, on
//     esbuild): ES modules, TypeScript and CommonJS using syntax goja lacks
//     are stored transformed to CommonJS (modkind.go says which files and
//     the marker the loader recognises), and their imports, now requires,
//     are followed with node's "import" conditions.
//   - Resolver (resolve.go, exports.go) is node's resolution, including
//     package.json "exports"/"imports" with conditions and subpath
//     patterns, over a small FS interface: jsrt's loader uses the same code
//     on the runtime's file system, so the bundle holds exactly what the
//     loader will load.
//   - Write and Read (format.go) store a Bundle as a POSIX tar archive
//     followed by a fixed trailer (magic, format version, length, SHA-256);
//     Append and ReadImage (image.go) put one at the end of an image file
//     and find it there.
//   - FS (fs.go) serves the files of a Bundle as an io/fs.FS, so the module
//     loader in the native image reads sources from the bundle.
//
// The on-disk format, version 1, from the end of the byte range:
//
//	... anything (for example the runtime ELF the bundle is appended to)
//	tar archive, archive/tar, USTAR or PAX headers:
//	    .ebbnode/manifest.json   first member: {"version":1,"entry":...,"root":...}
//	    <path>                   one regular file per bundled file, sorted,
//	                             path relative to the manifest's root
//	trailer, 56 bytes, little endian:
//	    [0:32]  SHA-256 of the tar archive
//	    [32:40] length of the tar archive in bytes
//	    [40:44] format version (1)
//	    [44:48] flags, zero
//	    [48:56] magic "EBBNBNDL"
//
// Why tar: it is in the standard library (maintained, fuzzed upstream), it
// carries path, mode and bytes with no size limits that matter here, and a
// bundle can be inspected with stock tools. Tar alone has no whole-archive
// checksum and no way to be found at the end of a larger file, hence the
// trailer. Putting the trailer last lets the image builder simply append a
// bundle to the runtime ELF (or hand it over as a PVH module) and lets Read
// find it from the end without knowing where the ELF stops.
//
// Archives are reproducible: members are sorted, with zero owner, fixed
// modification time and only permission bits in the mode.
package bundle
