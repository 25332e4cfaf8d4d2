package qemu

// Channel is a virtio-serial channel between the guest and a unix socket
// on the host: the Messenger's transport. This is the one place that
// writes QEMU's virtio-serial device arguments (host/launch, the
// benchmarks and the boot tests all come here).
//
// The device is transitional PCI on q35 and virtio-mmio on microvm; the
// guest's driver (kernel/virtio.OpenConsoleAuto) negotiates MULTIPORT.
// By default the channel is port 1, a virtserialport, which QEMU
// flow-controls: while the socket is full QEMU pauses the guest's
// transmit queue instead of dropping data, and it tells the guest when
// the host side opens, so the guest holds what it writes before that.
type Channel struct {
	// Socket is the unix socket's path.
	Socket string
	// Listen makes QEMU listen on Socket (server=on,wait=off) for the
	// host to connect later; by default QEMU connects to a listener the
	// host opened before starting it.
	Listen bool
	// Console puts the channel on port 0 as a virtconsole instead. QEMU
	// does not flow-control console ports (it drops what the socket
	// cannot take), so only the driver's tests use it.
	Console bool
}

// MessengerPortName is the name the Messenger's virtserialport carries.
const MessengerPortName = "org.ebbnode.messenger"

// Args returns the QEMU arguments that attach ch on machine.
func (ch Channel) Args(machine string) []string {
	dev := "virtio-serial-pci-transitional"
	if machine == MachineMicrovm {
		dev = "virtio-serial-device"
	}
	chardev := "socket,id=messenger,path=" + ch.Socket
	if ch.Listen {
		chardev += ",server=on,wait=off"
	}
	port := "virtserialport,chardev=messenger,nr=1,name=" + MessengerPortName
	if ch.Console {
		port = "virtconsole,chardev=messenger"
	}
	return []string{"-chardev", chardev, "-device", dev, "-device", port}
}

// EduArgs attaches QEMU's "edu" PCI device (a teaching device with MSI),
// which the kernel's PCI and interrupt tests drive.
func EduArgs() []string { return []string{"-device", "edu"} }
