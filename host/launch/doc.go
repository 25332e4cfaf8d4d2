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
// Devices are typed (Device: the Messenger channel now, network devices
// next); their QEMU arguments are written in one place, host/qemu's
// devices.go (qemu.Channel), so a change of transport lands there alone.
package launch
