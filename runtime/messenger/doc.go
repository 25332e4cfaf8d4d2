// Package messenger is the wire protocol between an ebbnode image (the
// guest) and the `ebbnode run` process that serves its offloaded I/O (the
// host, package host/offload), and the guest side of it, Client.
//
// # Transport
//
// One reliable, ordered byte stream: a virtio-serial port in the native
// image, a pipe or socket pair in hosted tests. The protocol needs nothing
// else: no message boundaries, no out-of-band signals. The stream must
// never drop bytes: in the native image it is a virtserialport, which QEMU
// flow-controls (a virtconsole would drop the guest's data whenever the
// host socket is full; see kernel/virtio.Console).
//
// # Frames
//
// Everything on the stream is a frame: a 12-byte header, little-endian, then
// the payload.
//
//	offset  size  field
//	0       4     payload length N, at most MaxPayload (1 MiB + 4 KiB);
//	              checked before the payload is allocated
//	4       2     message type (Type)
//	6       2     flags: bit 0 FlagMore (the next frame continues this
//	              message); all other bits must be 0
//	8       4     request id
//	12      N     payload
//
// A message longer than MaxPayload is sent as consecutive frames with the
// same type and id, all but the last with FlagMore; the sender writes them
// back to back, so they are never interleaved with other frames. A
// reassembled message is at most MaxMessage (16 MiB). A bad header, an
// oversized frame, a truncated frame or an interleaved continuation is
// fatal to the stream: a byte stream cannot be resynchronised.
//
// # Requests and replies
//
// The guest sends requests, each with a request id that no other request
// in flight uses; the host answers each with exactly one reply carrying the
// same id, in any order, so many requests can be in flight at once. A
// success reply's type is the request's type with the Reply bit (0x8000)
// set; a failure reply is TypeError (0xffff) and carries a Linux errno
// (ENOENT, EACCES, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, EINVAL, EROFS, ...)
// so the guest can raise node's errors ("ENOENT: no such file or
// directory, open '/x'"). A request the host cannot decode gets an EINVAL
// error reply and one of an unknown type ENOSYS, both with a detail string;
// the stream goes on.
//
// # Payloads
//
// Fields are laid out in order with no padding. u8/u32/u64/i64 are
// little-endian integers; bool is a u8 that must be 0 or 1; bytes and str
// are a u32 length then that many bytes; strs is a u32 count then that many
// strs. Decoders reject short payloads, trailing bytes, out-of-range
// enumerations and counts larger than the remaining bytes could hold (so a
// hostile count allocates nothing).
//
//	type    name       request payload                  success reply payload
//	0x0001  Hello      magic u32 ("EBBN"), version u32  magic u32, version u32
//	0x0002  Args       -                                argv strs, env strs,
//	                                                    cwd str
//	0x0003  Write      fd u8 (1 stdout, 2 stderr),      -
//	                   data bytes
//	0x0004  ReadStdin  max u32                          data bytes, eof bool
//	0x0005  Exit       status i32 (as u32)              -
//	0x0010  ReadFile   path str                         data bytes (at most
//	                                                    ChunkSize), more bool
//	0x0011  WriteFile  path str, perm u32, append bool, -
//	                   data bytes
//	0x0012  Stat       path str, nofollow bool          Stat (below)
//	0x0013  ReadDir    path str                         count u32, then per
//	                                                    entry: DT_* type u8,
//	                                                    name str (by name)
//	0x0014  Mkdir      path str, perm u32, all bool     -
//	0x0015  Remove     path str, kind u8 (0 file or     -
//	                   empty dir, 1 file only, 2 empty
//	                   dir only, 3 whole tree)
//	0x0016  Rename     from str, to str                 -
//	0x0017  Truncate   path str, size i64               -
//	0x0018  Chmod      path str, perm u32               -
//	0x0019  Utimes     path str, atime i64, mtime i64   -
//	                   (Unix nanoseconds)
//	0x001a  Symlink    target str, path str             -
//	0x001b  Readlink   path str                         target str
//	0x0020  Open       path str, flags u32 (Linux       handle u32
//	                   O_*), perm u32
//	0x0021  FRead      handle u32, offset i64 (-1:      data bytes (empty:
//	                   current position), max u32       end of file)
//	0x0022  FWrite     handle u32, offset i64, data     n u32
//	                   bytes
//	0x0023  FStat      handle u32                       Stat
//	0x0024  Close      handle u32                       -
//	0xffff  Error      (reply only)                     errno u32, detail str
//
// # Large transfers
//
// No message carries more than a chunk (ChunkSize, 1 MiB) of file or
// stdio data, so neither side ever holds a whole large file in one
// message. A ReadFile reply holds the file's first chunk; more says the
// file goes on, and Client.ReadFile reads the rest through a handle (Open,
// FRead per chunk, Close). Client.WriteFile sends data of up to a chunk as
// one WriteFile and writes more through a handle (Open with O_TRUNC or
// O_APPEND, FWrite per chunk, Close). Stdout and stderr writes go a chunk
// per Write request.
//
// Stat is Linux's struct stat in a fixed order: dev u64, ino u64, mode u32
// (S_IFMT type bits and permissions), nlink u64, uid u32, gid u32, rdev u64,
// size i64, blksize i64, blocks i64, atime i64, mtime i64, ctime i64 (times
// in Unix nanoseconds). Perm fields are st_mode permission bits (0o7777).
// Paths are absolute guest paths; the host decides what they reach.
//
// # Handshake and versions
//
// The guest's first message is Hello (id 0) with Magic and Version; the
// host always answers with a Hello reply holding its own, then both check:
// a different magic or version is fatal on both sides, with an error that
// names both versions. Any change to a layout above bumps Version.
//
// # Ordering
//
// The host serves stdout and stderr writes in arrival order (on a goroutine
// of their own, so a stalled host stdout holds up nothing else), and
// replies once the bytes are written; stdin reads are served in order; file operations run concurrently (16 at a
// time, the rest queued: the host keeps reading while up to 1024 requests
// holding up to 32 MiB wait, and only then lets the stream push back). Exit is
// answered after all earlier requests are done, and ends the session.
//
// # The Messenger Ebb
//
// The native image (cmd/ebbnode-native) wraps one Client around its
// virtio-serial port and installs it with Install as the shared Ebb
// runtime.MessengerId (one object for all cores, runtime.InstallShared),
// which is correct because Client is safe for concurrent use; code reaches
// it through the Ref Messenger. A hosted process has no host to offload to
// and installs no Messenger.
//
// The Client is also a vfs.FS (vfs.go), so the image's file-system Ebb
// (runtime.FileSystemId) is the app bundle overlaid on it (vfs.Overlay)
// with no adapter. Calls block their goroutine, not the core's event loop
// when made from work handed off the loop (jsrt runs asynchronous fs calls
// on their own goroutines); an event-driven rep that completes requests as
// events on the calling core can replace Client's blocking calls later
// without changing the wire.
package messenger
