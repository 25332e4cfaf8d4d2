package messenger

import (
	"fmt"

	"github.com/ebbnode/ebbnode/runtime"
)

// Messenger is the Messenger Ebb (runtime.MessengerId): one Client shared
// by all cores. See the package comment's "The Messenger Ebb".
var Messenger = runtime.RefOf[*Client](runtime.MessengerId)

// Install makes c the Messenger Ebb of rt.
func Install(rt *runtime.Runtime, c *Client) error {
	if _, err := runtime.InstallShared(rt, runtime.MessengerId, c); err != nil {
		return fmt.Errorf("messenger: %w", err)
	}
	return nil
}
