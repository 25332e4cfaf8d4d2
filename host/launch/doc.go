// Package launch boots ebbnode images: it is the one place that turns typed
// VM settings into a QEMU run (through host/qemu), serves an app image's
// Messenger (host/offload) over a private socket, and says how the run
// ended in ebbnode's terms (exit status, one line of cause, the end of the
// kernel console). `ebbnode run` is a thin layer over Boot; the benchmarks'
// native configuration calls it directly.
//
// A run never outlives a failure on the host side: when the Messenger
// server fails (a protocol error, a broken stream, the socket lost), QEMU
// is stopped at once and the cause is reported; the run's private
// directory (NewRunDir) is removed on every return, and directories left
// by runs that died (SIGKILL) are swept by the next one.
//
// Devices reach QEMU's command line through host/qemu (qemu.Channel for
// the Messenger, qemu.Net for the network), the one place that writes
// device arguments. A VM's network (VM.Net) is checked against the host
// before boot (CheckNet): a forwarded host port already in use, or a tap
// device that is missing or cannot be opened, fails the run in one line
// with nothing started.
package launch
