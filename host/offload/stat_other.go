//go:build !linux

package offload

import (
	"os"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// statOf converts host metadata to the wire's struct stat.
func statOf(fi os.FileInfo) messenger.Stat { return statOfInfo(fi) }
