package bundle

import "strings"

// coreModules are node 20's core module names (require('module')
// .builtinModules without the internal "_" ones). A bare require of one of
// them never reaches node_modules in node, so analysis must not look there
// either, whether or not jsrt implements the module yet: the build records
// it in Bundle.CoreModules instead.
//
// This is the one list of core names for static analysis. jsrt's loader
// does not export its own (it asks goja_nodejs's registry at run time and
// keeps an unexported builtinNames for module.builtinModules).
var coreModules = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`
		assert assert/strict async_hooks buffer child_process cluster console
		constants crypto dgram diagnostics_channel dns dns/promises domain
		events fs fs/promises http http2 https inspector inspector/promises
		module net os path path/posix path/win32 perf_hooks process punycode
		querystring readline readline/promises repl stream stream/consumers
		stream/promises stream/web string_decoder sys timers timers/promises
		tls trace_events tty url util util/types v8 vm wasi worker_threads
		zlib`) {
		coreModules[n] = true
	}
}

// coreName reports whether a require request names a core module and
// returns its bare name. "node:x" is always core, as in node, even when x
// is unknown: node then fails at run time, not by looking for a file.
func coreName(req string) (string, bool) {
	if name, ok := strings.CutPrefix(req, "node:"); ok {
		return name, true
	}
	return req, coreModules[req]
}

// IsCoreModule reports whether require(name) loads a node core module
// rather than a file.
func IsCoreModule(name string) bool {
	_, ok := coreName(name)
	return ok
}
