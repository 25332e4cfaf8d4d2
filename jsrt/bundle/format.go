package bundle

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

const (
	trailerSize = 56
	magic       = "EBBNBNDL"
	// manifestName is the archive's first member. Paths under
	// reservedDir are not available to apps.
	manifestName = ".ebbnode/manifest.json"
	reservedDir  = ".ebbnode"
	// maxPath is Linux's PATH_MAX: no real file has a longer path, and
	// the bound keeps validation time linear in the bundle's size.
	maxPath = 4096
)

// manifest is the JSON of the archive's first member.
type manifest struct {
	Version int    `json:"version"`
	Entry   string `json:"entry"`
	Root    string `json:"root"`
}

// modTime is every member's modification time, fixed so that the same
// files always give the same bytes.
var modTime = time.Unix(0, 0)

// Write writes b in bundle format version 1: a tar archive and the
// trailer. It checks b as Read would, so a Bundle that Write accepts reads
// back equal.
func (b *Bundle) Write(w io.Writer) error {
	if err := b.validate(); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	man, err := json.Marshal(manifest{Version: FormatVersion, Entry: b.Entry, Root: b.Root})
	if err != nil {
		return fmt.Errorf("write bundle: manifest: %w", err)
	}
	if err := writeMember(tw, manifestName, 0o644, man); err != nil {
		return err
	}
	files := append([]File(nil), b.Files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for _, f := range files {
		if err := writeMember(tw, f.Path, f.Mode, f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	var tr [trailerSize]byte
	sum := sha256.Sum256(buf.Bytes())
	copy(tr[0:32], sum[:])
	binary.LittleEndian.PutUint64(tr[32:40], uint64(buf.Len()))
	binary.LittleEndian.PutUint32(tr[40:44], FormatVersion)
	copy(tr[48:56], magic)
	buf.Write(tr[:])
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}

func writeMember(tw *tar.Writer, name string, mode fs.FileMode, data []byte) error {
	hdr := &tar.Header{
		Typeflag: tar.TypeReg,
		Name:     name,
		Mode:     int64(mode.Perm()),
		Size:     int64(len(data)),
		ModTime:  modTime,
	}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("write bundle: %s: %w", name, err)
	}
	if _, err := tw.Write(data); err != nil {
		return fmt.Errorf("write bundle: %s: %w", name, err)
	}
	return nil
}

// Read reads the bundle that ends at byte size of r. Bytes before the
// bundle (such as the runtime ELF it was appended to) are ignored. Every
// part is checked: trailer magic and version, lengths, the SHA-256 of the
// archive, the manifest, and each member's type, mode and path (no
// absolute paths, no "..", no duplicates). Any failure is an error that
// says what is wrong; Read does not panic on any input.
func Read(r io.ReaderAt, size int64) (*Bundle, error) {
	archive, err := readArchive(r, size)
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	b, err := parseArchive(archive)
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	return b, nil
}

// readArchive checks the trailer and the checksum and returns the tar
// archive's bytes.
func readArchive(r io.ReaderAt, size int64) ([]byte, error) {
	if size < trailerSize {
		return nil, fmt.Errorf("truncated: %d bytes, a bundle has at least %d", size, trailerSize)
	}
	var tr [trailerSize]byte
	if err := readFullAt(r, tr[:], size-trailerSize); err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	if string(tr[48:56]) != magic {
		return nil, errors.New("no bundle: bad magic at the end of the data")
	}
	if v := binary.LittleEndian.Uint32(tr[40:44]); v != FormatVersion {
		return nil, fmt.Errorf("unsupported format version %d (this ebbnode reads version %d)", v, FormatVersion)
	}
	if f := binary.LittleEndian.Uint32(tr[44:48]); f != 0 {
		return nil, fmt.Errorf("unknown flags %#x", f)
	}
	n := binary.LittleEndian.Uint64(tr[32:40])
	if n > uint64(size-trailerSize) {
		return nil, fmt.Errorf("truncated: the trailer says %d archive bytes, only %d are there", n, size-trailerSize)
	}
	archive := make([]byte, n)
	if err := readFullAt(r, archive, size-trailerSize-int64(n)); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if sum := sha256.Sum256(archive); !bytes.Equal(sum[:], tr[0:32]) {
		return nil, errors.New("checksum mismatch: the bundle is corrupted")
	}
	return archive, nil
}

// parseArchive reads the tar members of a checksummed archive.
func parseArchive(archive []byte) (*Bundle, error) {
	tr := tar.NewReader(bytes.NewReader(archive))
	man, err := readMember(tr, int64(len(archive)))
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if man.Path != manifestName {
		return nil, fmt.Errorf("first member is %q, want %q", man.Path, manifestName)
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(man.Data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("manifest: data after the JSON object")
	}
	if m.Version != FormatVersion {
		return nil, fmt.Errorf("manifest: version %d, the trailer says %d", m.Version, FormatVersion)
	}
	b := &Bundle{Root: m.Root, Entry: m.Entry}
	for {
		f, err := readMember(tr, int64(len(archive)))
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := checkPath(f.Path); err != nil {
			return nil, err
		}
		// Write sorts members; demanding the order keeps Files sorted
		// without trusting the archive, and makes a bundle's bytes a
		// function of its files.
		if n := len(b.Files); n > 0 && f.Path < b.Files[n-1].Path {
			return nil, fmt.Errorf("member %q is out of order (members are sorted by path)", f.Path)
		}
		b.Files = append(b.Files, f)
	}
	if err := b.validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// readMember reads the next tar member, which must be a regular file of
// at most limit bytes (the archive's own size, so a lying header cannot
// make Read allocate more than the input).
func readMember(tr *tar.Reader, limit int64) (File, error) {
	hdr, err := tr.Next()
	if err == io.EOF {
		return File{}, io.EOF
	}
	if err != nil {
		return File{}, fmt.Errorf("archive: %w", err)
	}
	name := hdr.Name
	if hdr.Typeflag != tar.TypeReg {
		return File{}, fmt.Errorf("member %q: type %q is not a regular file", name, hdr.Typeflag)
	}
	if hdr.Mode&^0o777 != 0 || hdr.Mode < 0 {
		return File{}, fmt.Errorf("member %q: mode %#o has more than permission bits", name, hdr.Mode)
	}
	if hdr.Size < 0 || hdr.Size > limit {
		return File{}, fmt.Errorf("member %q: size %d is larger than the archive", name, hdr.Size)
	}
	data := make([]byte, hdr.Size)
	if _, err := io.ReadFull(tr, data); err != nil {
		return File{}, fmt.Errorf("member %q: %w", name, err)
	}
	return File{Path: name, Mode: fs.FileMode(hdr.Mode), Data: data}, nil
}

// validate checks what both Write and Read require: a clean absolute
// root, valid unique member paths, no file that is also a directory, and
// an entry that is one of the files.
func (b *Bundle) validate() error {
	if !path.IsAbs(b.Root) || path.Clean(b.Root) != b.Root {
		return fmt.Errorf("root %q is not a clean absolute path", b.Root)
	}
	seen := make(map[string]bool, len(b.Files))
	for _, f := range b.Files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		if f.Mode&^fs.ModePerm != 0 {
			return fmt.Errorf("member %q: mode %v has more than permission bits", f.Path, f.Mode)
		}
		if seen[f.Path] {
			return fmt.Errorf("member %q appears twice", f.Path)
		}
		seen[f.Path] = true
	}
	// A file may not also be a directory: "a" and "a/b" cannot both be
	// files. Each directory is visited once, so the check stays linear in
	// the total length of the paths.
	dirs := map[string]bool{}
	for _, f := range b.Files {
		for d := path.Dir(f.Path); d != "." && !dirs[d]; d = path.Dir(d) {
			if seen[d] {
				return fmt.Errorf("member %q is a file and a directory", d)
			}
			dirs[d] = true
		}
	}
	if err := checkPath(b.Entry); err != nil {
		return fmt.Errorf("entry: %w", err)
	}
	if !seen[b.Entry] {
		return fmt.Errorf("entry %q is not in the bundle", b.Entry)
	}
	return nil
}

// checkPath rejects member paths that could escape the bundle's root or
// clash with the manifest.
func checkPath(p string) error {
	if len(p) > maxPath {
		return fmt.Errorf("member path %.40q... is longer than %d bytes", p, maxPath)
	}
	if !fs.ValidPath(p) || p == "." {
		return fmt.Errorf("member path %q is not a relative path inside the bundle (absolute, \"..\", \".\" or empty elements)", p)
	}
	if p == reservedDir || strings.HasPrefix(p, reservedDir+"/") {
		return fmt.Errorf("member path %q is reserved for the bundle's manifest", p)
	}
	return nil
}

// readFullAt is ReadAt that accepts io.EOF with a full buffer, which
// io.ReaderAt allows at the end of the input.
func readFullAt(r io.ReaderAt, p []byte, off int64) error {
	n, err := r.ReadAt(p, off)
	if n == len(p) {
		return nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}
