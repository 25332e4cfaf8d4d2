package libc

// Linux x86_64 system-call numbers the kernel answers (its table:
// kernel/syscall_trap.go).
const (
	SysRead             = 0
	SysWrite            = 1
	SysClose            = 3
	SysMmap             = 9
	SysMprotect         = 10
	SysMunmap           = 11
	SysRtSigaction      = 13
	SysRtSigprocmask    = 14
	SysRtSigreturn      = 15
	SysSchedYield       = 24
	SysMadvise          = 28
	SysNanosleep        = 35
	SysSetitimer        = 38
	SysGetpid           = 39
	SysClone            = 56
	SysExit             = 60
	SysUname            = 63
	SysFcntl            = 72
	SysGetcwd           = 79
	SysSysinfo          = 99
	SysGetuid           = 102
	SysGetgid           = 104
	SysGeteuid          = 107
	SysGetegid          = 108
	SysGetppid          = 110
	SysSigaltstack      = 131
	SysPrctl            = 157
	SysArchPrctl        = 158
	SysGettid           = 186
	SysFutex            = 202
	SysSchedSetaffinity = 203
	SysSchedGetaffinity = 204
	SysTimerCreate      = 222
	SysClockGettime     = 228
	SysExitGroup        = 231
	SysOpenat           = 257
	SysEpollCtl         = 233
	SysEpollPwait       = 281
	SysEventfd2         = 290
	SysEpollCreate1     = 291
	SysPrlimit64        = 302
	SysGetcpu           = 309
	SysGetrandom        = 318

	// ebbnode's private calls, above Linux's numbers: the trap world hands
	// work to Go-world drivers through them.
	SysEbbIRQWait  = 1024
	SysEbbDMAAlloc = 1025
	SysEbbIRQFD    = 1026

	// MaxSyscall bounds the numbers the counters track.
	MaxSyscall = 1040
)

// Errno values (returned negated in RAX).
const (
	EPERM     = 1
	ENOENT    = 2
	ESRCH     = 3
	EINTR     = 4
	EBADF     = 9
	EAGAIN    = 11
	ENOMEM    = 12
	EFAULT    = 14
	EEXIST    = 17
	ENODEV    = 19
	EINVAL    = 22
	ENOSYS    = 38
	ETIMEDOUT = 110
)

// mmap, madvise and friends.
const (
	ProtRead  = 1
	ProtWrite = 2
	ProtExec  = 4

	MapShared         = 0x01
	MapPrivate        = 0x02
	MapFixed          = 0x10
	MapAnonymous      = 0x20
	MapFixedNoreplace = 0x100000

	MadvDontneed = 4
	MadvFree     = 8
)

// clone flags.
const (
	CloneVM     = 0x100
	CloneThread = 0x10000
	CloneSettls = 0x80000
)

// futex operations.
const (
	FutexWait        = 0
	FutexWake        = 1
	FutexPrivateFlag = 128
	FutexClockRT     = 256
)

// setitimer: which timer, and struct itimerval (two struct timevals:
// it_interval, then it_value; each seconds then microseconds).
const (
	ItimerReal    = 0
	ItimerVirtual = 1
	ItimerProf    = 2
	ItimervalSize = 32
)

// arch_prctl codes.
const (
	ArchSetFS = 0x1002
	ArchGetFS = 0x1003
)

// Signals and sigaction.
const (
	SIGILL     = 4
	SIGFPE     = 8
	SIGSEGV    = 11
	SIGPROF    = 27
	NSig       = 64
	SaSiginfo  = 0x4
	SaOnstack  = 0x08000000
	SaRestorer = 0x04000000
	SegvMaperr = 1
	SegvAccerr = 2
	IllIllopn  = 2    // SIGILL si_code: illegal operand (Linux's for #UD)
	FpeIntdiv  = 1    // SIGFPE si_code: integer divide by zero
	SiKernel   = 0x80 // si_code of a SIGSEGV from #GP (no fault address), and of setitimer's SIGPROF
	SsDisable  = 2
	SigBlock   = 0
	SigUnblock = 1
	SigSetmask = 2
)

// Uname fields: struct utsname is six 65-byte strings.
const (
	UtsLen       = 65
	UtsSysname   = "ebbnode"
	UtsNodename  = "ebbnode"
	UtsRelease   = "6.1.0-ebbnode"
	UtsVersion   = "#1"
	UtsMachine   = "x86_64"
	UtsNameCount = 6
)

// struct sysinfo (x86_64): 112 bytes; the offsets of the fields the
// kernel fills (uptime in seconds, RAM in mem_unit bytes, procs).
const (
	SysinfoSize     = 112
	SysinfoUptime   = 0
	SysinfoTotalram = 32
	SysinfoFreeram  = 40
	SysinfoProcs    = 80 // unsigned short
	SysinfoMemUnit  = 104
)

// Sigaction is the kernel's struct sigaction (x86_64).
type Sigaction struct {
	Handler  uint64
	Flags    uint64
	Restorer uint64
	Mask     uint64
}

// Stack is stack_t.
type Stack struct {
	SP    uint64
	Flags int32
	_     int32
	Size  uint64
}
