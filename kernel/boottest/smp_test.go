package boottest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// TestSMPBoot boots with 2 and 4 vCPUs on q35 and microvm: the kernel
// finds the APs in the MADT, starts each one (INIT-SIPI-SIPI, trampoline,
// long mode, its own TSS and stacks, one tick of its own LAPIC timer) and
// reports them all online, and the program still runs to its end.
func TestSMPBoot(t *testing.T) {
	for _, machine := range []string{qemu.MachineQ35, qemu.MachineMicrovm} {
		for _, n := range []int{2, 4} {
			t.Run(fmt.Sprintf("%s/%d", machine, n), func(t *testing.T) {
				r := boottest.Boot(t, "./testdata/hello", boottest.Options{Machine: machine, CPUs: n, Append: "ebbnode.debug=boot"})
				wantExit(t, r, 0)
				if want := fmt.Sprintf("ebbnode: boot: %d of %d CPUs online\n", n, n); !strings.Contains(r.Output(), want) {
					t.Errorf("console lacks %q", want)
				}
				if !strings.Contains(r.Output(), "hello from ebbnode\n") {
					t.Errorf("console lacks the hello line")
				}
			})
		}
	}
}

// TestSMPAPFails withholds the start-up IPI from the last AP
// (ebbnode.debug=apfail): the boot waits for it, gives up, says so on the
// console without being asked, and goes on with the CPUs that started.
func TestSMPAPFails(t *testing.T) {
	r := boottest.Boot(t, "./testdata/hello", boottest.Options{CPUs: 3, Append: "ebbnode.debug=apfail"})
	wantExit(t, r, 0)
	for _, want := range []string{
		"ebbnode: CPU 2 (LAPIC ID 2) did not start; booting without it\n",
		"ebbnode: boot: 2 of 3 CPUs online\n",
		"hello from ebbnode\n",
	} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
}
