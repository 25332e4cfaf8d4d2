package kernel

// COM1 console and kernel printing. Trap world: every function here is
// //go:nosplit, does not allocate and takes no lock of its own: callers
// hold trapLock (or run at boot, or end the machine), so lines from two
// CPUs do not interleave.

const com1 = 0x3f8

// serialInit programs COM1 for 115200 8N1 with interrupts off.
//
//go:nosplit
func serialInit() {
	outb(com1+1, 0x00) // no interrupts
	outb(com1+3, 0x80) // DLAB on
	outb(com1+0, 0x01) // divisor 1: 115200 baud
	outb(com1+1, 0x00)
	outb(com1+3, 0x03) // 8N1, DLAB off
	outb(com1+2, 0xC7) // FIFO on, cleared
	outb(com1+4, 0x03) // DTR, RTS
}

// putc writes one byte, waiting for the transmit holding register.
//
//go:nosplit
func putc(c byte) {
	for i := 0; i < 100000 && inb(com1+5)&0x20 == 0; i++ {
	}
	outb(com1, c)
}

// kprint writes s to the console.
//
//go:nosplit
func kprint(s string) {
	for i := 0; i < len(s); i++ {
		putc(s[i])
	}
}

// kprintMem writes n bytes at addr to the console.
//
//go:nosplit
func kprintMem(addr, n uintptr) {
	for i := uintptr(0); i < n; i++ {
		putc(load8(addr + i))
	}
}

// kprintHex writes v as 0x-prefixed hexadecimal.
//
//go:nosplit
func kprintHex(v uint64) {
	const digits = "0123456789abcdef"
	putc('0')
	putc('x')
	started := false
	for shift := 60; shift >= 0; shift -= 4 {
		d := (v >> uint(shift)) & 0xf
		if d != 0 || started || shift == 0 {
			putc(digits[d])
			started = true
		}
	}
}

// kprintDec writes v in decimal.
//
//go:nosplit
func kprintDec(v uint64) {
	div := uint64(1)
	for v/div >= 10 {
		div *= 10
	}
	for ; div > 0; div /= 10 {
		putc(byte('0' + v/div%10))
	}
}
