package main

import (
	"testing"
	"time"
)

// TestSetLocalZone checks TZ from the Messenger's environment becomes
// time.Local, named as Intl reports it, with the embedded zone data.
func TestSetLocalZone(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"HOME=/x", "TZ=America/New_York"}, "America/New_York"},
		{[]string{"TZ=:Asia/Tokyo"}, "Asia/Tokyo"},
		{[]string{"TZ=UTC"}, "UTC"},
		{[]string{"TZ=Mars/Olympus"}, "UTC"},
	} {
		time.Local = time.UTC
		setLocalZone(c.env)
		if got := time.Local.String(); got != c.want {
			t.Errorf("setLocalZone(%q): time.Local is %q, want %q", c.env, got, c.want)
		}
	}
	time.Local = time.UTC
	setLocalZone([]string{"TZ=America/New_York"})
	if _, off := time.Date(2024, 7, 4, 12, 0, 0, 0, time.Local).Zone(); off != -4*3600 {
		t.Errorf("New York offset in July = %d s, want -14400", off)
	}
}
