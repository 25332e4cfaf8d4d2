package libc

import "testing"

func TestNames(t *testing.T) {
	for nr, want := range map[uint64]string{SysWrite: "write", SysMmap: "mmap", SysFutex: "futex",
		SysClone: "clone", SysExitGroup: "exit_group", SysGetrandom: "getrandom", 100000: "",
		SysEbbIRQWait: "ebb_irq_wait", SysEbbDMAAlloc: "ebb_dma_alloc"} {
		if got := Name(nr); got != want {
			t.Errorf("Name(%d) = %q, want %q", nr, got, want)
		}
	}
}

func TestCounts(t *testing.T) {
	var c Counts
	c.Add(SysWrite, false)
	c.Add(SysWrite, false)
	c.Add(63, true)
	c.Add(9999, true)
	if n, e := c.Get(SysWrite); n != 2 || e != 0 {
		t.Errorf("write counts = %d, %d", n, e)
	}
	if n, e := c.Get(63); n != 1 || e != 1 {
		t.Errorf("uname counts = %d, %d", n, e)
	}
	if n, _ := c.Get(9999); n != 1 {
		t.Errorf("out-of-range count = %d", n)
	}
}
