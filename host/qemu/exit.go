package qemu

// DecodeStatus turns QEMU's exit status into the guest's exit code.
// isa-debug-exit makes QEMU exit with (code<<1)|1, so an odd status carries
// the code the guest wrote (only its low 7 bits survive the 8-bit status).
// An even status — 0 after a triple fault with -no-reboot — or a QEMU
// killed by a signal (status < 0) means the guest wrote none: crashed is
// true and code is ExitCrash.
func DecodeStatus(status int) (code int, crashed bool) {
	if status < 0 || status%2 == 0 {
		return ExitCrash, true
	}
	return (status - 1) / 2, false
}
