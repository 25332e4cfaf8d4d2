package intl

import (
	"os"
	"strings"
	"time"
)

// utcNames are the zones ECMA-402 canonicalises to "UTC".
var utcNames = map[string]bool{
	"UTC": true, "ETC/UTC": true, "GMT": true, "ETC/GMT": true, "ETC/UCT": true,
	"UCT": true, "ETC/UNIVERSAL": true, "UNIVERSAL": true, "ETC/ZULU": true, "ZULU": true,
	"ETC/GMT0": true, "GMT0": true, "ETC/GREENWICH": true, "GREENWICH": true,
}

// canonicalZone returns the IANA zone name as Intl reports it, or false
// when Go's database does not know it.
func canonicalZone(name string) (string, bool) {
	if utcNames[strings.ToUpper(name)] {
		return "UTC", true
	}
	if name == "" || name == "Local" {
		return "", false
	}
	if _, err := time.LoadLocation(name); err != nil {
		return "", false
	}
	if old, ok := icuZoneNames[name]; ok {
		return old, true
	}
	return name, true
}

// icuZoneNames maps IANA's current names to the older ones that ICU (and
// so node's resolvedOptions().timeZone) still reports as canonical.
var icuZoneNames = map[string]string{
	"Asia/Kolkata": "Asia/Calcutta", "Asia/Kathmandu": "Asia/Katmandu",
	"Asia/Ho_Chi_Minh": "Asia/Saigon", "Asia/Yangon": "Asia/Rangoon",
	"Europe/Kyiv": "Europe/Kiev", "America/Nuuk": "America/Godthab",
	"Atlantic/Faroe": "Atlantic/Faeroe", "Pacific/Chuuk": "Pacific/Truk",
	"Pacific/Pohnpei": "Pacific/Ponape", "America/Atikokan": "America/Coral_Harbour",
	"America/Argentina/Buenos_Aires": "America/Buenos_Aires",
	"America/Indiana/Indianapolis":   "America/Indianapolis",
	"America/Kentucky/Louisville":    "America/Louisville",
}

// defaultTimeZone is the process's zone (TZ, else /etc/localtime), which
// goja's Date uses too.
func defaultTimeZone() string {
	name := time.Local.String()
	if name == "Local" {
		name = "UTC"
		if dst, err := os.Readlink("/etc/localtime"); err == nil {
			if _, z, ok := strings.Cut(dst, "zoneinfo/"); ok {
				name = z
			}
		}
	}
	if c, ok := canonicalZone(name); ok {
		return c
	}
	return "UTC"
}

// dateFields splits the time ms (milliseconds since the epoch) in zone
// ("" for the process's) into year, month (1-12), day, weekday (0 is
// Sunday), hour, minute, second, millisecond, the UTC offset in minutes
// and the zone's abbreviation.
func dateFields(ms float64, zone string) []any {
	loc := time.Local
	if zone == "UTC" {
		loc = time.UTC
	} else if zone != "" {
		if l, err := time.LoadLocation(zone); err == nil {
			loc = l
		}
	}
	t := time.UnixMilli(int64(ms)).In(loc)
	abbr, off := t.Zone()
	return []any{
		t.Year(), int(t.Month()), t.Day(), int(t.Weekday()), t.Hour(), t.Minute(),
		t.Second(), t.Nanosecond() / 1e6, off / 60, abbr,
	}
}
