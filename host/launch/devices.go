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

// MessengerDevices attaches the Messenger channel (see qemu.Channel: a
// flow-controlled virtserialport) on a chardev that connects to socket,
// where the host listens before QEMU starts.
func MessengerDevices(machine, socket string) []string {
	return qemu.Channel{Socket: socket}.Args(machine)
}
