package messenger

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a client's reader running.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
