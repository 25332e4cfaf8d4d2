package offload

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a goroutine behind: every
// session must end its server loop, stdin reader and client reader.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
