package all_test

import (
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/all"
	"github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// TestRuntimesInParallel checks that runtimes on different goroutines can
// load the modules at once: compiled programs are shared, module instances
// are not. Run with -race to make it meaningful.
func TestRuntimesInParallel(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt := goja.New()
			all.EnableGlobals(rt)
			v, err := rt.RunString("[Buffer.from('hi'), new URL('http://a/b').pathname, typeof performance.now()]")
			if err != nil {
				errs <- err.Error()
				return
			}
			if got, want := util.Inspect(rt, v), "[ <Buffer 68 69>, '/b', 'number' ]"; got != want {
				errs <- got
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
