//go:build !(linux && amd64)

package messenger

// sys returns the wire metadata: Stat_t's layout differs between platforms
// and only linux/amd64 is filled in.
func (fi *FileInfo) sys() any { s := fi.Stat; return &s }
