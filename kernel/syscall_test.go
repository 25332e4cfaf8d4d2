package kernel

import (
	"context"
	"debug/elf"
	"encoding/binary"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/kernel/boottest"
	"github.com/ebbnode/ebbnode/libc"
)

// implemented lists every call libc numbers: each must have a row.
var implemented = []uint64{
	libc.SysRead, libc.SysWrite, libc.SysClose, libc.SysMmap, libc.SysMprotect, libc.SysMunmap,
	libc.SysRtSigaction, libc.SysRtSigprocmask, libc.SysRtSigreturn, libc.SysSchedYield,
	libc.SysMadvise, libc.SysNanosleep, libc.SysGetpid, libc.SysClone, libc.SysExit, libc.SysUname, libc.SysSysinfo,
	libc.SysFcntl, libc.SysGetcwd, libc.SysGetuid, libc.SysGetgid, libc.SysGeteuid, libc.SysGetegid,
	libc.SysGetppid, libc.SysSigaltstack, libc.SysPrctl, libc.SysArchPrctl, libc.SysGettid,
	libc.SysFutex, libc.SysSchedSetaffinity, libc.SysSchedGetaffinity, libc.SysClockGettime, libc.SysExitGroup,
	libc.SysOpenat, libc.SysEpollCtl, libc.SysEpollPwait, libc.SysEventfd2, libc.SysEpollCreate1,
	libc.SysPrlimit64, libc.SysGetcpu, libc.SysGetrandom, libc.SysEbbIRQWait, libc.SysEbbDMAAlloc,
	libc.SysEbbIRQFD, libc.SysSetitimer, libc.SysTimerCreate,
}

// TestSysTableRows checks every row: a handler, libc's name, a note; and
// that the rows are exactly the calls libc numbers.
func TestSysTableRows(t *testing.T) {
	want := map[uint64]bool{}
	for _, nr := range implemented {
		want[nr] = true
	}
	for nr, c := range sysTable {
		nr := uint64(nr)
		if c.fn == nil {
			if c.name != "" || c.note != "" || want[nr] {
				t.Errorf("row %d (%q) has no handler", nr, c.name)
			}
			continue
		}
		if !want[nr] {
			t.Errorf("row %d (%q) is not a call libc numbers", nr, c.name)
		}
		delete(want, nr)
		if c.name != libc.Name(nr) {
			t.Errorf("row %d is named %q, libc says %q", nr, c.name, libc.Name(nr))
		}
		if c.note == "" {
			t.Errorf("row %d (%s) has no note", nr, c.name)
		}
	}
	for nr := range want {
		t.Errorf("no row for %s (%d)", libc.Name(nr), nr)
	}
}

// TestSysDispatch runs the dispatcher on a thread slot: a known call gets
// its handler's result, an unknown one ENOSYS, and both are counted.
func TestSysDispatch(t *testing.T) {
	saved := counts
	defer func() { counts = saved }()
	counts = libc.Counts{}
	if threads == nil {
		threads = new([maxThreads]thread) // the guest's comes from frames at boot
	}
	th := &threads[0]
	for _, tc := range []struct {
		nr, want uint64
		enosys   uint32
	}{
		{libc.SysGetpid, 1, 0},
		{103, errno(libc.ENOSYS), 1},  // syslog: not in the table
		{5000, errno(libc.ENOSYS), 1}, // past the table
		{libc.SysPrctl, errno(libc.EINVAL), 0},
	} {
		th.tf.RAX = tc.nr
		sysDispatch(th)
		if th.tf.RAX != tc.want {
			t.Errorf("call %d returned %#x, want %#x", tc.nr, th.tf.RAX, tc.want)
		}
		if n, e := counts.Get(tc.nr); n != 1 || e != tc.enosys {
			t.Errorf("call %d counted %d (ENOSYS %d), want 1 (%d)", tc.nr, n, e, tc.enosys)
		}
	}
}

// TestSysTableIsStatic links a guest image and reads sysTable out of the
// ELF file: every handler must already be there, because the Go runtime
// makes system calls before any package init could fill the table in.
func TestSysTableIsStatic(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./internal/guests/hello")
	if err != nil {
		t.Fatal(err)
	}
	f, err := elf.Open(img)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatalf("%s: %v", img, err)
	}
	const name = "github.com/ebbnode/ebbnode/kernel.sysTable"
	var data []byte
	for _, s := range syms {
		if s.Name != name {
			continue
		}
		sec := f.Sections[s.Section]
		if sec.Type != elf.SHT_PROGBITS {
			t.Fatalf("%s is in %s (%v): zeroed at load, so an init function fills it", name, sec.Name, sec.Type)
		}
		all, err := sec.Data()
		if err != nil {
			t.Fatal(err)
		}
		data = all[s.Value-sec.Addr : s.Value-sec.Addr+s.Size]
	}
	if data == nil {
		t.Fatalf("%s has no symbol %s", img, name)
	}
	row := reflect.TypeOf(sysTable[0])
	fnField, _ := row.FieldByName("fn")
	if int(row.Size())*len(sysTable) != len(data) {
		t.Fatalf("image's table is %d bytes, want %d rows of %d", len(data), len(sysTable), row.Size())
	}
	for nr, c := range sysTable {
		off := nr*int(row.Size()) + int(fnField.Offset)
		fn := binary.LittleEndian.Uint64(data[off:])
		if (fn != 0) != (c.fn != nil) {
			t.Errorf("row %d (%s): the image's handler word is %#x", nr, c.name, fn)
		}
	}
}

// TestEveryCallAnswered boots a guest that makes every call in sysTable
// and checks what each answered; the kernel's counts then show every row
// was reached, so a row added without a boot test fails here.
func TestEveryCallAnswered(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/syscalls", boottest.Options{Append: "ebbnode.debug=syscalls"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	for _, want := range []string{
		"read: stdin=0,<nil> fd9=bad file descriptor write: fd9=bad file descriptor\n",
		"close: fd9=bad file descriptor fcntl: fd1=0 fd9=bad file descriptor\n",
		"openat: true\n",
		"madvise: <nil> zero=true\n",
		"mprotect: <nil> faulted=true mmap file: no such device\n",
		"munmap: <nil>\n",
		`getpid=1 ids=0,0,0,0 ppid=0 uname=<nil> getcwd="/"` + "\n",
		"prctl: invalid argument getrandom: <nil> prlimit: <nil> nofile=1024/4096 cpus=1\n",
		"arch_prctl: fs=true <nil>\n",
		"setitimer: errno 0,errno 0 old-interval=1s real=invalid argument timer_create: invalid argument\n",
		"getcpu: cpu=0 errno 0 sched_setaffinity: errno 0 none=invalid argument\n",
		"sysinfo: <nil> ram=true free=true unit=1 procs=1\n",
		"gettid: two=true sched_yield: errno 0 nanosleep: <nil>\n",
		"clock_gettime: <nil> near=true\n",
		"ebb_irq_wait: kernel: timed out waiting for an interrupt ebb_dma_alloc: <nil> below4G=true zero=true\n",
		"ebb_irq_fd: <nil> again: kernel: OpenIRQ(33): device or resource busy close: <nil>\n",
	} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
	counts := regexp.MustCompile(`ebbnode: syscalls:.*`).FindString(r.Output())
	for nr, c := range sysTable {
		if c.fn == nil {
			continue
		}
		m := regexp.MustCompile(` ` + c.name + `=(\d+)(\(ENOSYS\))?`).FindStringSubmatch(counts)
		switch {
		case m == nil:
			t.Errorf("%s (%d) was never called: give it a path in a boot test", c.name, nr)
		case m[2] != "":
			t.Errorf("%s (%d) answered ENOSYS", c.name, nr)
		}
	}
}
