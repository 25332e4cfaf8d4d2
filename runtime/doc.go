// Package runtime is the Ebb runtime of ebbnode: EbbRT's Elastic Building
// Blocks, per-core representatives and per-core event loops, in Go.
//
// # Ebbs, ids and refs
//
// An Ebb is a system component with a global EbbId. Code reaches it through
// a Ref[T], which holds only the id and so is valid on every core. System
// Ebbs have static ids, listed once in ebbid.go with a compile-time check
// that no two clash and none reaches the dynamic range; other Ebbs get
// fresh ids from AllocateId.
//
// # System Ebbs
//
//   - EventManagerId: the per-core event loops (EventManager), installed
//     by every Runtime.
//   - FileSystemId: the file-system service, a shared Ebb whose rep is a
//     vfs.FS (runtime/vfs: vfs.FileSystem, vfs.Install). A hosted process
//     (`ebbnode exec`) installs vfs.OSFS; the native image installs the
//     app bundle overlaid on its Messenger client.
//   - MessengerId: the native image's channel to its host, a shared Ebb
//     whose rep is a *messenger.Client (messenger.Messenger,
//     messenger.Install). Only the native image installs it: a hosted
//     process has no host to offload to.
//   - NetworkId: the network service, a shared Ebb whose rep is a
//     netstack.Stack (netstack.Network, netstack.Install): Go's net
//     hosted (netstack.Hosted), gVisor's tcpip over virtio-net natively.
//
// The services are installed by whoever builds the Runtime (the command's
// main), before any event uses them.
//
// # Representatives and the miss path
//
// Each core has its own representative (rep) of each Ebb it uses. A core's
// reps live in its private translation table, a slice indexed by EbbId that
// only that core touches, so Ref.On(c) on a warm core is a bounds check and
// a load, with no locks or atomics. On a core's first use of an Ebb the
// table has no entry and Ref.On takes the one translation-miss path for all
// Ebbs: it asks the Ebb's Root (installed in the Runtime) for this core's
// rep via HandleFault, checks its type and caches it. Two kinds of Ebb are
// provided on top of Root:
//
//   - shared (NewSharedEbb, InstallShared): every core's rep is the same
//     object, which must therefore be safe for concurrent use;
//   - multicore (NewMulticoreEbb, InstallMulticore): a root object whose
//     NewRep(c) builds core c's own rep, once per core, on c — like EbbRT's
//     MulticoreEbb. The EventManager Ebb is one.
//
// Dereferencing an id that is not installed, or with a Ref of the wrong
// type, is a broken invariant and panics with the id and core.
//
// # Cores and events
//
// Go has no goroutine-local storage, so "the current core" is passed
// explicitly: every event is a func(c *Core), and code that runs in it uses
// c for Ref.On(c), c.SpawnLocal, c.AfterFunc and so on. Events are
// non-preemptive and run to completion, one at a time per core, as in EbbRT.
// A core's loop runs, in turns: the events queued when the turn starts
// (local spawns first-in first-out, remote spawns in arrival order), then
// its expired timers earliest first (equal deadlines in the order they were
// armed); when nothing is left it runs its idle handlers and then sleeps
// until its next timer or a remote spawn.
//
// A panic in an event is not recovered: it ends the process, as an uncaught
// exception ends node. Layers that must survive errors catch them inside
// their events.
//
// # Concurrency contract
//
// Safe from any goroutine: New, Runtime.Stop (except from an event of that
// Runtime, which would wait for itself), Runtime.AddCore, Runtime.NumCores, Runtime.Core,
// Runtime.SpawnRemote, Core.SpawnRemote, Core.ID, Core.Runtime,
// AllocateId, Install and the other installers, and RefOf/Ref.Id.
//
// Only from an event running on core c: Ref.On(c), c.SpawnLocal,
// c.AfterFunc, c.AfterFuncAt, c.AddIdleHandler and the remove function it
// returns, the methods of c's EventManagerRep, and the Timer methods (Stop,
// Reset, ResetAt, Pending) for timers made on c. These touch state owned by
// c and take no locks; calling them elsewhere is a data race (go test -race
// finds it).
//
// # Backends
//
// The backend decides what a core is and how it sleeps and is woken (the
// platform interface). There is one, the thread backend
// (runtime_thread.go, constructor New), used both hosted and natively: each
// core is a goroutine locked to its own OS thread (natively, a thread of
// the image's kernel). With Config.Pin core i's thread is pinned with
// sched_setaffinity to CPU i mod n of the n CPUs New's caller may run on;
// natively these are the vCPUs, so core i is vCPU i's (the image's kernel
// runs a thread that may run only on one vCPU before any other thread
// there). The native image pins; hosted commands do not, since on a shared
// host a pinned loop waits for its one CPU while another is free.
//
// An idle core parks its thread on one of two platforms:
//
//   - futex (Linux and native, for the first GOMAXPROCS-1 cores, those
//     AddCore adds included): the thread
//     sleeps in FUTEX_WAIT on a word of its own, and SpawnRemote wakes it
//     with one FUTEX_WAKE; natively the kernel sends the halted vCPU a
//     wake-up IPI. A parked thread keeps its P (an ordinary system call),
//     hence the spare P the limit leaves for the rest of the Go world.
//   - channel (otherwise): the thread first polls for Config.IdleSpin
//     (yielding the CPU between polls), then parks on a channel; waking
//     a parked, thread-locked goroutine goes through the Go scheduler
//     (several thread switches), which the short poll avoids for quick
//     replies. With GOMAXPROCS=1 the default is to park at once: the poll
//     would hold the only P.
//
// BenchmarkSpawnRemoteRoundTrip compares them hosted; the boot test
// TestEbbCoresPinned (kernel/boottest) measures them natively.
package runtime
