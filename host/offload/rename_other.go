//go:build !linux

package offload

import "os"

// renameIn renames within one mount; off Linux, os.Root's answers.
func renameIn(r *os.Root, from, to string) error { return r.Rename(from, to) }
