package kernel

import (
	"math/bits"

	"github.com/ebbnode/ebbnode/libc"
)

// Time: TSC for the monotonic clock, calibrated against the PIT; CMOS RTC
// for the wall clock at boot; the LAPIC timer (one-shot) for deadlines and
// preemption. Trap world: //go:nosplit, no allocation.

const lapicBase = 0xFEE00000

// LAPIC registers (Intel SDM Vol. 3A, 11.4.1).
const (
	lapicEOI       = 0xB0
	msrTSCDeadline = 0x6E0
	lvtTSCDeadline = 2 << 17
	lapicSVR       = 0xF0
	lapicLVTTimer  = 0x320
	lapicLINT0     = 0x350
	lapicLINT1     = 0x360
	lapicInitCnt   = 0x380
	lapicCurCnt    = 0x390
	lapicDivide    = 0x3E0
	lvtMasked      = 1 << 16
)

// clockState is the time base. Its first three fields are read from ring
// 3 by the vDSO's clock_gettime (vdso_amd64.s), so they are written once
// at boot and never again.
type clockState struct {
	tsc0      uint64 // TSC at entry
	nsPerTick uint64 // 32.32 fixed point ns per TSC tick
	wall0     uint64 // Unix seconds from the RTC at boot
	tscHz     uint64
	lapicHz   uint64 // LAPIC timer ticks per second (divide by 16)
	calibrate string
	deadline  bool // TSC-deadline timer mode (CPUID.1:ECX[24])
}

var clock clockState

// nanotime returns nanoseconds since entry.
//
//go:nosplit
func nanotime() uint64 {
	hi, lo := bits.Mul64(rdtsc()-clock.tsc0, clock.nsPerTick)
	return hi<<32 | lo>>32
}

//go:nosplit
func lapicRead(reg uintptr) uint32 { return load32(lapicBase + reg) }

//go:nosplit
func lapicWrite(reg uintptr, v uint32) { store32(lapicBase+reg, v) }

// timeInit learns the TSC and LAPIC timer rates (from the hypervisor's
// CPUID leaf when it gives them, else against PIT channel 2), enables the
// LAPIC and reads the RTC.
//
//go:nosplit
func timeInit() {
	// Mask the legacy PICs: all interrupts come through the LAPIC.
	outb(0x21, 0xff)
	outb(0xa1, 0xff)

	lapicEnable()
	lapicWrite(lapicLVTTimer, lvtMasked|vecTimer)
	lapicWrite(lapicInitCnt, 0xffffffff)

	if !hypervisorFreq() {
		pitCalibrate()
	}
	if clock.lapicHz == 0 {
		clock.lapicHz = 62500000
	}
	hi, lo := bits.Mul64(1000000000, 1<<32)
	clock.nsPerTick, _ = bits.Div64(hi, lo, clock.tscHz)
	lapicWrite(lapicInitCnt, 0)
	if _, _, ecx, _ := cpuid(1, 0); ecx&(1<<24) != 0 {
		clock.deadline = true
	}
	lapicTimerMode()
	clock.wall0 = rtcSeconds()
}

// hypervisorFreq takes both rates from CPUID leaf 0x40000010 (the
// VMware timing leaf, which QEMU offers under KVM with a stable TSC: TSC
// and APIC bus in kHz) and reports whether it could. The LAPIC timer
// divides the bus clock by 16.
//
//go:nosplit
func hypervisorFreq() bool {
	if _, _, ecx, _ := cpuid(1, 0); ecx&(1<<31) == 0 {
		return false // no hypervisor
	}
	if max, _, _, _ := cpuid(0x40000000, 0); max < 0x40000010 {
		return false
	}
	tscKHz, busKHz, _, _ := cpuid(0x40000010, 0)
	if tscKHz == 0 || busKHz == 0 {
		return false
	}
	clock.tscHz = uint64(tscKHz) * 1000
	clock.lapicHz = uint64(busKHz) * 1000 / 16
	clock.calibrate = "CPUID 0x40000010"
	return true
}

// pitCalibrate measures the TSC and LAPIC timer against PIT channel 2
// over 2.5 ms. Each end point is a PIT count and a LAPIC count read
// between two RDTSCs; a sample whose bracket is wide (the vCPU was
// descheduled in it: TCG on a busy host) is retried, so the window can
// be short: one PIT tick in 2983 is 0.03%.
//
//go:nosplit
func pitCalibrate() {
	// PIT channel 2 counts down from 0xffff at 1193182 Hz.
	const pitHz, window = 1193182, 2983 // 2.5 ms
	outb(0x61, (inb(0x61)&^0x02)|0x01)  // gate on, speaker off
	outb(0x43, 0xB0)                    // channel 2, lo/hi byte, mode 0
	outb(0x42, 0xff)
	outb(0x42, 0xff)
	// The start: the tightest of 8 samples.
	p0, t0, c0, w0 := pitSample()
	for i := 0; i < 7; i++ {
		if p, t, c, w := pitSample(); w < w0 {
			p0, t0, c0, w0 = p, t, c, w
		}
	}
	ok := false
	var p1 uint16
	var t1 uint64
	var c1 uint32
	best := ^uint64(0)
	for i, tries := 0, 0; i < 10000000 && tries < 16; i++ {
		p, t, c, w := pitSample()
		if p0-p < window || p >= p0 {
			continue
		}
		// Past the window: the first sample about as tight as the
		// start's, else the tightest of 16.
		tries++
		if w < best {
			p1, t1, c1, best, ok = p, t, c, w, true
		}
		if w <= 2*w0 {
			break
		}
	}
	if ok && t1 > t0 {
		ticks := uint64(p0 - p1)
		clock.tscHz = (t1 - t0) * pitHz / ticks
		clock.lapicHz = uint64(c0-c1) * pitHz / ticks
		clock.calibrate = "PIT"
	} else {
		clock.tscHz = 1000000000
		clock.lapicHz = 62500000
		clock.calibrate = "none (no PIT): assuming 1 GHz TSC"
	}
}

// pitSample reads the PIT and LAPIC counts between two RDTSCs and returns
// them with the TSC at the middle and the bracket's width.
//
//go:nosplit
func pitSample() (pit uint16, tsc uint64, lapic uint32, width uint64) {
	ta := rdtsc()
	pit = pitCount()
	lapic = lapicRead(lapicCurCnt)
	tb := rdtsc()
	return pit, ta + (tb-ta)/2, lapic, tb - ta
}

// lapicEnable turns this CPU's LAPIC on, with the legacy LINT pins
// masked and the timer dividing by 16.
//
//go:nosplit
func lapicEnable() {
	wrmsr(msrAPICBase, rdmsr(msrAPICBase)|1<<11)
	lapicWrite(lapicSVR, 0x100|vecSpurious)
	lapicWrite(lapicLINT0, lvtMasked)
	lapicWrite(lapicLINT1, lvtMasked)
	lapicWrite(lapicDivide, 0x3) // divide by 16
}

// lapicTimerMode sets this CPU's timer to TSC-deadline mode when the CPU
// has it, else one-shot, unmasked, set once: armTimer then only writes
// the initial count (one MMIO write, not two).
//
//go:nosplit
func lapicTimerMode() {
	if clock.deadline {
		lapicWrite(lapicLVTTimer, vecTimer|lvtTSCDeadline)
	} else {
		lapicWrite(lapicLVTTimer, vecTimer)
	}
}

// lapicInit sets up an AP's LAPIC as timeInit did the boot CPU's (all
// CPUs share the calibration: QEMU's LAPIC timers run at one rate).
//
//go:nosplit
func lapicInit() {
	lapicEnable()
	lapicTimerMode()
}

// pitCount latches and reads PIT channel 2's count.
//
//go:nosplit
func pitCount() uint16 {
	outb(0x43, 0x80) // latch channel 2
	lo := inb(0x42)
	hi := inb(0x42)
	return uint16(hi)<<8 | uint16(lo)
}

// armTimer makes the LAPIC interrupt (vector vecTimer) after ns
// nanoseconds: in TSC-deadline mode when the CPU has it, else one-shot
// count mode.
//
//go:nosplit
func armTimer(ns uint64) {
	prof.timerArms++
	programTimer(ns)
}

// programTimer is armTimer without the count (APs use it: prof belongs to
// the boot CPU).
//
//go:nosplit
func programTimer(ns uint64) {
	hz := clock.lapicHz
	if clock.deadline {
		hz = clock.tscHz
	}
	// Round up and add 1/128 (0.8%): the timer's rate is calibrated
	// against the PIT only to within a few tenths of a percent under TCG
	// (62.25-62.49 MHz measured for QEMU's 62.5 MHz), and a timer that
	// fires before its deadline costs a second interrupt (a fifth to a
	// third of all timer interrupts before). Sleeps may end up to 0.8%
	// late; Linux's default timer slack is 50 µs.
	ns += ns >> 7
	hi, lo := bits.Mul64(ns, hz)
	if hi >= 1000000000 {
		hi = 1000000000 - 1
	}
	cnt, rem := bits.Div64(hi, lo, 1000000000)
	if rem != 0 || cnt == 0 {
		cnt++
	}
	if clock.deadline {
		wrmsr(msrTSCDeadline, rdtsc()+cnt)
		return
	}
	if cnt > 0xffffffff {
		cnt = 0xffffffff
	}
	lapicWrite(lapicInitCnt, uint32(cnt)) // LVT: one-shot, set in timeInit
}

// stopTimer cancels the LAPIC timer.
//
//go:nosplit
func stopTimer() {
	prof.timerArms++
	if clock.deadline {
		wrmsr(msrTSCDeadline, 0)
		return
	}
	lapicWrite(lapicInitCnt, 0)
}

//go:nosplit
func lapicEOIWrite() { lapicWrite(lapicEOI, 0) }

//go:nosplit
func cmos(reg uint8) uint8 {
	outb(0x70, reg)
	return inb(0x71)
}

//go:nosplit
func bcd(v uint8, binary bool) uint64 {
	if binary {
		return uint64(v)
	}
	return uint64(v&0x0f) + uint64(v>>4)*10
}

// rtcSeconds reads the CMOS clock as Unix seconds (UTC).
//
//go:nosplit
func rtcSeconds() uint64 {
	for i := 0; i < 1000000 && cmos(0x0A)&0x80 != 0; i++ { // wait out an update
	}
	b := cmos(0x0B)
	bin := b&0x04 != 0
	sec := bcd(cmos(0x00), bin)
	min := bcd(cmos(0x02), bin)
	hr8 := cmos(0x04)
	pm := hr8&0x80 != 0
	hour := bcd(hr8&0x7f, bin)
	if b&0x02 == 0 && pm { // 12-hour clock
		hour = (hour % 12) + 12
	}
	day := bcd(cmos(0x07), bin)
	mon := bcd(cmos(0x08), bin)
	year := bcd(cmos(0x09), bin) + 2000
	return daysFromCivil(year, mon, day)*86400 + hour*3600 + min*60 + sec
}

// daysFromCivil returns days since 1970-01-01 (H. Hinnant's algorithm).
//
//go:nosplit
func daysFromCivil(y, m, d uint64) uint64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// sysClockGettime answers every clock from the TSC: REALTIME (and its
// COARSE and ALARM kin) adds the RTC's reading at boot; the CPU-time
// clocks get the monotonic clock too (limit). The vDSO answers REALTIME
// and MONOTONIC in ring 3, so this traps only with ebbnode.debug=novdso or
// for other clocks.
//
//go:nosplit
func sysClockGettime(_ *thread, a sysArgs) uint64 {
	clk, ts := a[0], a[1]
	if !userAccessible(ts, 16, true) {
		return errno(libc.EFAULT)
	}
	ns := nanotime()
	sec := ns / 1000000000
	if clk == 0 || clk == 5 || clk == 8 { // REALTIME, REALTIME_COARSE, REALTIME_ALARM
		sec += clock.wall0
	}
	store64(uintptr(ts), sec)
	store64(uintptr(ts+8), ns%1000000000)
	return 0
}
