package messenger

import "syscall"

// sys returns the metadata as the Stat_t an os.Stat on the host would carry.
func (fi *FileInfo) sys() any {
	s := &fi.Stat
	return &syscall.Stat_t{
		Dev:     s.Dev,
		Ino:     s.Ino,
		Nlink:   s.Nlink,
		Mode:    s.Mode,
		Uid:     s.Uid,
		Gid:     s.Gid,
		Rdev:    s.Rdev,
		Size:    s.Size,
		Blksize: s.Blksize,
		Blocks:  s.Blocks,
		Atim:    syscall.NsecToTimespec(s.Atime),
		Mtim:    syscall.NsecToTimespec(s.Mtime),
		Ctim:    syscall.NsecToTimespec(s.Ctime),
	}
}
