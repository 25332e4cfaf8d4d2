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

// MessengerDevices attaches the Messenger channel: port 0 of a
// virtio-serial device (what kernel/virtio.OpenConsoleAuto drives:
// transitional PCI on q35, virtio-mmio on microvm), on a chardev that
// connects to socket. QEMU connects while it starts, before the guest
// runs, so nothing the guest writes can be lost to a missing listener.
func MessengerDevices(machine, socket string) []string {
	dev := "virtio-serial-pci-transitional"
	if machine == qemu.MachineMicrovm {
		dev = "virtio-serial-device"
	}
	return []string{
		"-chardev", "socket,id=messenger,path=" + socket,
		"-device", dev,
		"-device", "virtconsole,chardev=messenger",
	}
}
