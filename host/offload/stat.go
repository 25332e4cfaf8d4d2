package offload

import (
	"os"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// statOfInfo builds the wire's struct stat from portable FileInfo fields
// only (for metadata without a Linux Stat_t).
func statOfInfo(fi os.FileInfo) messenger.Stat {
	mt := fi.ModTime().UnixNano()
	return messenger.Stat{
		Mode:    messenger.ModeBits(fi.Mode()),
		Nlink:   1,
		Size:    fi.Size(),
		Blksize: 4096,
		Blocks:  (fi.Size() + 511) / 512,
		Atime:   mt,
		Mtime:   mt,
		Ctime:   mt,
	}
}
