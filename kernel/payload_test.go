package kernel

import "testing"

// Hosted there is no image at imageBase: Payload must say so with nil, not
// read whatever that address holds. (Booted, every app image's runtime
// reads its bundle through Payload: see cmd/ebbnode's native tests.)
func TestPayloadHosted(t *testing.T) {
	if p := Payload(); p != nil {
		t.Fatalf("Payload() hosted = %d bytes, want nil", len(p))
	}
}
