package main

import (
	"strings"
	"time"
	// Zone names resolve from the binary: the image has no zoneinfo.
	_ "time/tzdata"
)

// setLocalZone makes TZ from the script's environment the zone of
// time.Local, which Date and Intl use. The Go runtime read its own
// (empty) environment at boot, before the Messenger brought the script's,
// so without this every image ran in UTC. An unknown zone leaves UTC, as
// Go does on the host.
func setLocalZone(env []string) {
	for _, kv := range env {
		name, ok := strings.CutPrefix(kv, "TZ=")
		if !ok {
			continue
		}
		name = strings.TrimPrefix(name, ":")
		if name == "" || name == "UTC" {
			time.Local = time.UTC
			return
		}
		if loc, err := time.LoadLocation(name); err == nil {
			time.Local = loc
		}
	}
}
