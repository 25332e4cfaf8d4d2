package runtime

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestMain fails the package if any test leaves a goroutine behind, which
// catches a Runtime whose workers outlive Stop.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// newTestRuntime starts a Runtime with n cores on the backend under test and
// stops it when the test ends. The tests use only the backend-independent
// API, so a native backend runs them by changing this constructor.
func newTestRuntime(t testing.TB, n int) *Runtime {
	t.Helper()
	rt := New(Config{Cores: n})
	t.Cleanup(rt.Stop)
	return rt
}

// waitTimeout bounds every wait in the tests: far above any legitimate
// delay, so a hang is reported instead of blocking until the test binary's
// own timeout.
const waitTimeout = 10 * time.Second

// onCore runs fn as an event on core i and waits until it returns.
func onCore(t testing.TB, rt *Runtime, i int, fn func(c *Core)) {
	t.Helper()
	done := make(chan struct{})
	rt.SpawnRemote(i, func(c *Core) {
		defer close(done)
		fn(c)
	})
	wait(t, done)
}

// wait waits for done to close, failing the test after waitTimeout.
func wait(t testing.TB, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(waitTimeout):
		t.Fatalf("timed out after %v", waitTimeout)
	}
}

// panicOf runs fn and returns what it panicked with (nil if it did not).
func panicOf(fn func()) (v any) {
	defer func() { v = recover() }()
	fn()
	return nil
}
