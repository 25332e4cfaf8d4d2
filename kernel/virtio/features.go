package virtio

import (
	"errors"

	"github.com/ebbnode/ebbnode/kernel"
)

// Generic feature negotiation and device-configuration reads for drivers
// other than the console (whose negotiate predates them): a 64-bit
// feature set on both transports.

// featVersion1 is VIRTIO_F_VERSION_1 as a 64-bit feature bit.
const featVersion1 = 1 << 32

// configOffLegacyMSIX is where the device configuration starts in the
// legacy I/O block while MSI-X is enabled (two vector registers precede
// it).
const configOffLegacyMSIX = 0x18

// mmioConfig is where the device configuration starts in a virtio-mmio
// register block.
const mmioConfig = 0x100

// featureNegotiator is a transport that can agree on a 64-bit feature set.
type featureNegotiator interface {
	// negotiateFeatures accepts want&offered (plus VERSION_1 where the
	// transport needs it) and returns what was accepted.
	negotiateFeatures(want uint64) (uint64, error)
	// configByte reads byte off of the device configuration.
	configByte(off int) uint8
}

// negotiateFeatures: the legacy interface has 32 feature bits and no
// FEATURES_OK handshake.
func (l legacy) negotiateFeatures(want uint64) (uint64, error) {
	f := uint64(l.features()) & want & 0xffffffff
	l.ack(uint32(f))
	return f, nil
}

// configByte assumes MSI-X is enabled (the driver enables it first).
func (l legacy) configByte(off int) uint8 {
	return kernel.Inb(l.io + configOffLegacyMSIX + uint16(off))
}

// negotiateFeatures reads both feature words; version 2 devices must
// offer VERSION_1 and confirm FEATURES_OK.
func (m *mmio) negotiateFeatures(want uint64) (uint64, error) {
	m.r.write32(mmioDeviceFeatSel, 0)
	offered := uint64(m.r.read32(mmioDeviceFeatures))
	m.r.write32(mmioDeviceFeatSel, 1)
	offered |= uint64(m.r.read32(mmioDeviceFeatures)) << 32
	acc := offered & want &^ featVersion1
	if m.version == 2 {
		if offered&featVersion1 == 0 {
			return 0, errNoVersion1
		}
		acc |= featVersion1
	}
	m.r.write32(mmioDriverFeatSel, 0)
	m.r.write32(mmioDriverFeatures, uint32(acc))
	m.r.write32(mmioDriverFeatSel, 1)
	m.r.write32(mmioDriverFeatures, uint32(acc>>32))
	if m.version == 1 {
		// Queue PFNs count pages of this size; our rings are 4 KiB aligned.
		m.r.write32(mmioGuestPageSize, mmioPageSize)
		return acc, nil
	}
	m.setStatus(m.status() | statusFeaturesOK)
	if m.status()&statusFeaturesOK == 0 {
		return 0, errors.New("device refused our features (FEATURES_OK cleared)")
	}
	return acc, nil
}

// configByte reads the aligned 32-bit word holding the byte: both
// register layouts accept 32-bit configuration reads.
func (m *mmio) configByte(off int) uint8 {
	w := m.r.read32(mmioConfig + uintptr(off&^3))
	return uint8(w >> (8 * (off & 3)))
}
