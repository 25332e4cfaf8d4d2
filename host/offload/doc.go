// Package offload is the host side of ebbnode's offloaded I/O: Serve
// answers a guest's Messenger requests (package runtime/messenger) with the
// host's argv, environment, stdio and the directories the user granted.
//
// # What the guest can reach
//
// Only the Config's Mounts. A guest path (always absolute) is first cleaned
// lexically, as node's path.resolve does, then mapped to the mount with the
// longest guest prefix, and the rest of the path is opened through that
// mount's os.Root. os.Root resolves every component itself (openat with
// O_NOFOLLOW, one level at a time), so neither "..", nor a symbolic link in
// the last or any intermediate component, nor a rename target, can leave the
// mount's host directory. Symbolic links inside a mount work when their
// relative target stays inside it; absolute targets are refused.
//
// Errors the guest sees, chosen to read naturally in node's messages:
//
//	path under no mount               ENOENT (outside the grants nothing exists)
//	path leaving a mount (".." from   EACCES (it exists, but access is denied)
//	  a symlink, link to /etc, ...)
//	write to a read-only mount        EROFS  ("read-only file system")
//	rename between two mounts         EXDEV  (as between file systems, even
//	                                  when one is read-only)
//	removing or renaming a mount's    EBUSY  (as for a mount point)
//	  own directory
//	the empty path                    ENOENT (as open("") is)
//	relative path or NUL in a path    EINVAL
//	anything else                     the host's own errno (ENOENT, EEXIST,
//	                                  ENOTDIR, EISDIR, ENOTEMPTY, ...)
//
// Where os.Root answers differently from the system call node makes, the
// server answers as Linux does: rename uses renameat(2) on parents opened
// through the root (a file over a directory EISDIR, a directory over an
// empty one replaces it); creating through a trailing slash is EISDIR; on
// a read-only mount mkdir of an existing name is EEXIST, and a recursive
// mkdir of an existing directory succeeds.
//
// A symbolic link the guest creates (Symlink) must lead somewhere inside
// its own mount: a relative target may not climb above the mount's root
// (checked lexically from the link's directory), and an absolute guest
// target must lie in the same mount and is stored relative to the link,
// so it means the same on the host. Other targets are EACCES, and no link
// is made.
//
// Directories above a mount are not synthesised: with only /home/u/app
// mounted, stat("/home") is ENOENT.
//
// # Default grant
//
// Serve grants exactly Config.Mounts. `ebbnode run` passes DefaultMounts
// when the user names no --mount: the current working directory,
// read-write, at the same path in the guest, so relative paths (which node
// resolves against process.cwd()) reach the files they would under node.
// --mount HOST[:GUEST][:ro] (ParseMount) replaces the default.
//
// # Host memory
//
// What one guest can make the host hold is bounded, whatever the sizes of
// the files it reaches: a request message is at most messenger.MaxMessage
// (16 MiB) and no reply carries more than a chunk (1 MiB) of file data
// (large files are read and written a chunk per request through handles);
// 16 file operations run at once, and the queue behind them holds at most
// 1024 requests and 32 MiB of request payload before Serve stops reading
// the stream (which then pushes back on the guest: the transport is
// flow-controlled). Measured: a 128 MiB guest reading a 512 MiB sparse file
// four times at once peaks the ebbnode process at 63 MB RSS (it was 4.3 GB
// when ReadFile answered with whole files).
package offload
