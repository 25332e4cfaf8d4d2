package crypto_test

import (
	"testing"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jstest"
)

// TestGolden runs testdata/*.js and compares the output with node's.
func TestGolden(t *testing.T) { jstest.Golden(t, "testdata") }
