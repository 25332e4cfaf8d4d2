// Package jsrt runs node-style JavaScript (CommonJS and ES modules, node 20 semantics) on
// goja, with node's event loop built on the Ebb runtime's per-core event
// manager: every piece of the main script's JS — the main module, each
// timer, immediate and async-completion callback — runs as a
// non-preemptive event on core 0, and each worker_threads Worker's on a
// core of its own.
//
// Layout:
//
//   - run.go: Options and Run, which wire a goja runtime to an Ebb runtime.
//   - loop.go: the event loop (timers, poll, check phases) on an Ebb core.
//     JS timers are the core's runtime timers (one heap, the runtime's),
//     with deadlines in whole milliseconds as libuv's loop time, so the
//     orderings node makes deterministic come out the same here.
//   - tasks.go: node's MakeCallback discipline — after each callback the
//     nextTick queue, then promise jobs, then unhandled rejections — and
//     the exit paths (process.exit, uncaught errors, natural end).
//   - setup.go + prelude.js: process, timers, nextTick, queueMicrotask
//     (the JavaScript half holds what is easier there), and the
//     WeakRef/FinalizationRegistry goja lacks (a WeakRef that holds its
//     target strongly, a registry that never calls back).
//   - timers.go, stdin.go: the Go halves of timers and process.stdin.
//   - console.go + console.js: console over util.format.
//   - web.go + web.js: structuredClone, Event/EventTarget, AbortController,
//     DOMException, timers/promises; readline.js: a small readline.
//   - loader.go, resolve.go, esm.go + esm.js: the module loader. Resolution is
//     jsrt/bundle's Resolver (package.json "exports"/"imports" included).
//     ES modules, TypeScript and CommonJS with syntax goja lacks (for
//     await, async generators, import()) reach it as CommonJS text made by
//     Options.Transform (jsrt/transform, esbuild; `ebbnode exec`) or stored
//     so by `ebbnode build`; plain CommonJS goes to goja untouched. esm.js
//     gives node's interop: default import of CommonJS is module.exports,
//     require() of an ES module returns its namespace (node 20.20), import()
//     resolves with "import" conditions, and a module with top-level await
//     runs as an async body (import() waits for it; require() or a static
//     import of it while it is pending throws ERR_REQUIRE_ASYNC_MODULE,
//     where node would make the importer wait).
//   - uncaught.go: how uncaught errors and syntax errors are printed.
//   - nethost.go: what net, dgram and dns need from the loop (holds that
//     keep it alive, posting socket events onto it) and the runtime's
//     Network Ebb (netstack.Network).
//   - workers.go + worker_threads.js, wtbinding.go, ports.go, broadcast.go:
//     worker_threads. Each Worker is a vm of its own on an Ebb core of
//     its own; messages cross runtimes as structured-clone tapes of
//     primitives plus moved or copied bytes, shared memory and ports.
//   - atomics.go + atomics.js, atomics_unsafe.go: SharedArrayBuffer and
//     Atomics, which goja lacks (Go-allocated shared memory, sync/atomic,
//     a futex for wait/notify).
//   - cluster.go + cluster.js: cluster, whose workers are vms as above
//     sharing listeners round-robin.
//   - internal/hostenv: the script's stdio and the loop's Async, handed to
//     the core modules jsrt does not build itself (tty, child_process).
//
// Known differences from node that come from goja rather than from this
// package: err.stack uses goja's frame format ("\tat f (file:1:2(3))"; the
// uncaught-error printer rewrites it to node's), stack overflow cannot be
// caught by JavaScript, and goja has no async generators, for-await or ES
// modules of its own (esbuild lowers them, above). ES modules differ where
// CommonJS shows through: require and module exist in them, and their
// namespaces hold getters (util.inspect shows [Getter]); a named import
// of CommonJS sees every property of module.exports, not only those
// node's cjs-module-lexer finds.
//
// The module loader is ebbnode's own rather than goja_nodejs/require: node's
// observable behaviour — a require per module, require.resolve and
// require.cache, module.id/filename/loaded/children, the exact
// "Cannot find module 'x'\nRequire stack:" error with code MODULE_NOT_FOUND,
// syntax errors reported against the module's file — is hard to reach through
// that package's single global require. Core modules registered with
// goja_nodejs's RegisterCoreModule (jsrt/modules/...) are still found through
// a goja_nodejs Registry, so the two agree on what is built in.
//
// Files: module sources and every fs call go through the runtime's
// file-system Ebb (vfs.FileSystem, a runtime/vfs FS) of Options.Runtime:
// the host's files when hosted, the app bundle over the Messenger natively.
// Sockets and name lookups go through its Network Ebb (netstack.Network);
// a Runtime without one gets ENETDOWN from net, dgram and dns (and so from
// http, https and fetch, which are JS on net).
package jsrt
