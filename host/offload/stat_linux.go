package offload

import (
	"os"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// statOf converts host metadata to the wire's struct stat.
func statOf(fi os.FileInfo) messenger.Stat {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return statOfInfo(fi)
	}
	return messenger.Stat{
		Dev:     uint64(st.Dev),
		Ino:     st.Ino,
		Nlink:   uint64(st.Nlink),
		Rdev:    uint64(st.Rdev),
		Mode:    st.Mode,
		Uid:     st.Uid,
		Gid:     st.Gid,
		Size:    st.Size,
		Blksize: int64(st.Blksize),
		Blocks:  st.Blocks,
		Atime:   st.Atim.Nano(),
		Mtime:   st.Mtim.Nano(),
		Ctime:   st.Ctim.Nano(),
	}
}
