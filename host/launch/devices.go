package launch

import "github.com/ebbnode/ebbnode/host/qemu"

// Device is something attached to a VM, as QEMU arguments for a machine
// type (the same device sits on PCI on q35 and on virtio-mmio on microvm).
type Device interface {
	QEMUArgs(machine string) []string
}

// Messenger is the app's Messenger channel on the unix socket Socket,
// where the host listens before QEMU starts.
type Messenger struct{ Socket string }

// QEMUArgs implements Device.
func (m Messenger) QEMUArgs(machine string) []string { return MessengerDevices(machine, m.Socket) }

// MessengerDevices attaches the Messenger channel: a virtio-serial device
// (transitional PCI on q35, virtio-mmio on microvm) with one
// virtserialport, port 1, on a chardev that connects to socket, where the
// host listens. kernel/virtio.OpenConsoleAuto drives it with the MULTIPORT
// feature. A virtserialport, unlike a virtconsole, is flow-controlled:
// QEMU pauses the guest's transmit queue while the socket is full instead
// of dropping the data, and the guest holds its writes until QEMU reports
// the host side open, so nothing is lost either way.
func MessengerDevices(machine, socket string) []string {
	dev := "virtio-serial-pci-transitional"
	if machine == qemu.MachineMicrovm {
		dev = "virtio-serial-device"
	}
	return []string{
		"-chardev", "socket,id=messenger,path=" + socket,
		"-device", dev,
		"-device", "virtserialport,chardev=messenger,nr=1,name=org.ebbnode.messenger",
	}
}
